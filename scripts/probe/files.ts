// Probe: pathological user files beyond the issue's list, opened through the library's file
// input as a reader opens them. Watched: main-thread long tasks (PerformanceObserver) from the
// choice of file until the reader shows it or the app says why not, scripts executed (a payload
// sets `window.__pwned` or asks for http://probe.invalid/), and the message shown.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { appPage, type ProbeOutcome } from './page.ts';

const PWN = `window.__pwned=(window.__pwned||0)+1`;
const html = [
  '# Hostile HTML', '', `<script>${PWN}</script>`, `<iframe src="javascript:parent.__pwned=1"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`, `<img src="x" onerror="${PWN}">`,
  `<img src="http://probe.invalid/pixel.gif">`, `[click](javascript:${PWN})`, `<a href="javascript:${PWN}">a</a>`,
  `<a href="data:text/html,<script>alert(1)</script>">data link</a>`, `![data](data:image/svg+xml,<svg onload="${PWN}"/>)`,
  `<svg><script>${PWN}</script></svg>`, `<math><mi xlink:href="javascript:${PWN}">x</mi></math>`,
  `<div style="background:url(http://probe.invalid/bg.png)">styled</div>`, `<object data="http://probe.invalid/o"></object>`,
  `<embed src="http://probe.invalid/e">`, `<form action="http://probe.invalid/f"><button>go</button></form>`,
  `<details open ontoggle="${PWN}">x</details>`, `<meta http-equiv="refresh" content="0;url=http://probe.invalid/">`,
  `<link rel="stylesheet" href="http://probe.invalid/s.css">`, `<base href="http://probe.invalid/">`, '',
  `[ref]: javascript:${PWN}`, '', 'A [reference link][ref] and <http://probe.invalid/auto>.', '',
].join('\n');

const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const FILES: Array<[name: string, body: Buffer]> = [
  ['blockquotes.md', Buffer.from('>'.repeat(5000) + ' deep\n')],
  ['blockquotes-spaced.md', Buffer.from('> '.repeat(5000) + 'deep\n')],
  ['nested-links.md', Buffer.from('['.repeat(5000) + 'x' + '](http://probe.invalid/l)'.repeat(5000))],
  ['nested-images.md', Buffer.from('!['.repeat(5000) + 'x' + '](http://probe.invalid/i.png)'.repeat(5000))],
  ['wide-table.md', Buffer.from(`# Wide\n\n|${'h|'.repeat(2000)}\n|${'-|'.repeat(2000)}\n|${'c|'.repeat(2000)}\n`)],
  ['long-table.md', Buffer.from(`# Long\n\n|a|b|c|\n|-|-|-|\n${Array.from({ length: 50_000 }, (_, i) => `|${i}|x|y|`).join('\n')}\n`)],
  ['one-line.md', Buffer.from('word '.repeat(210_000))],
  ['one-line-emphasis.md', Buffer.from('*a '.repeat(100_000))],
  ['utf16.md', utf16('# Заголовок UTF-16\n\nТекст на русском и қазақ тілінде.\n')],
  ['utf16-be.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('# Big endian\n\nText.\n', 'utf16le').swap16()])],
  ['cp1252.md', Buffer.from([...Buffer.from('# Caf'), 0xe9, ...Buffer.from('\n\nHe said '), 0x93, ...Buffer.from('hello'), 0x94, ...Buffer.from(' \u0000'.slice(0, 1) + '\n')])],
  ['front-matter-only.md', Buffer.from('---\ntitle: Only a header\nauthor: Nobody\n---\n')],
  ['front-matter-garbage.md', Buffer.from('---\ntitle: [unclosed\n  - : :\n---\n# Body\n')],
  ['hostile.md', Buffer.from(html)],
  ['svg.md', Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${PWN}"><script>${PWN}</script></svg>`)],
  ['data-urls.md', Buffer.from(`# Data\n\n![a](data:image/png;base64,${'A'.repeat(2_000_000)})\n\n[b](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n`)],
  ['many-footnotes.md', Buffer.from(Array.from({ length: 20_000 }, (_, i) => `x[^${i}]`).join(' ') + '\n\n' + Array.from({ length: 20_000 }, (_, i) => `[^${i}]: n${i}`).join('\n'))],
  ['many-headings.md', Buffer.from(Array.from({ length: 30_000 }, (_, i) => `# H${i}`).join('\n'))],
  ['empty.md', Buffer.from('')],
  ['whitespace.md', Buffer.from(' \n\n\t\n'.repeat(1000))],
  ['nul-bytes.md', Buffer.from('# Title\n\nText\u0000with\u0000nuls'.repeat(100))],
];

/** Opens one file from the library; resolves with what the page showed and the long tasks meanwhile. */
async function open(page: Page, url: string, dir: string, name: string, body: Buffer) {
  // A fresh page each time: a toast of the last file must not pass for this one's.
  await page.goto(url + '#/');
  await page.reload();
  await page.locator('cr-library input[type=file]').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  await page.evaluate(() => { (window as unknown as { __long: number[] }).__long = []; (window as unknown as { __frames: string[] }).__frames = []; });
  const t0 = Date.now();
  // From disk: a buffer would be handed over by script in the page, a long task of the probe's own.
  const path = join(dir, name);
  await writeFile(path, body);
  await page.locator('cr-library input[type=file]').setInputFiles(path);
  const outcome = await page.waitForFunction(() => {
    const app = document.querySelector('cr-app')!.shadowRoot!;
    const toast = app.querySelector('.toast')?.textContent;
    if (toast && /open|read|file/i.test(toast)) return `message: ${toast.replace(/\s+/g, ' ').trim()}`;
    const doc = app.querySelector('cr-reader')?.shadowRoot?.querySelector('cr-document');
    if (doc?.shadowRoot?.querySelector('[data-block]')) return `opened: ${doc.doc?.meta.title ?? '?'} (${doc.doc?.blocks.length} blocks)`;
    const empty = app.querySelector('cr-reader')?.shadowRoot?.textContent;
    return location.hash.startsWith('#/read') && doc?.doc ? `opened, no blocks: ${doc.doc.meta.title} ${empty?.slice(0, 80) ?? ''}` : false;
  }, undefined, { timeout: 90_000, polling: 100 }).then((h) => h.jsonValue() as Promise<string>, (e: Error) => `no outcome: ${e.message.split('\n')[0]}`);
  const ms = Date.now() - t0;
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __pwned?: number; __frames: string[] };
    const doc = document.querySelector('cr-app')!.shadowRoot!.querySelector('cr-reader')?.shadowRoot?.querySelector('cr-document')?.shadowRoot;
    const dangerous = doc ? [...doc.querySelectorAll('script, iframe, object, embed, form, base, meta, link, [onerror], [onload], [ontoggle], [style*="url("], a[href^="javascript:" i], a[href^="data:" i], img[src^="data:" i]')].map((e) => e.outerHTML.slice(0, 100)) : [];
    return { long: w.__long, frames: w.__frames, pwned: w.__pwned ?? 0, dangerous };
  });
  return { outcome, ms, ...seen };
}

/** Runs the probe. */
export async function probeFiles(browser: Browser, url: string): Promise<ProbeOutcome> {
  const failures: string[] = [];
  const notes: string[] = [];
  const errors: string[] = [];
  const context = await browser.newContext();
  const requests: string[] = [];
  await context.route(/probe\.invalid/, (route) => { requests.push(route.request().url()); return route.abort(); });
  await context.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: false });
    // What the long frames spent their time on, to tell parsing from layout.
    const v = window as unknown as { __frames: string[] };
    v.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { blockingDuration: number; renderStart: number; styleAndLayoutStart: number; scripts: Array<{ invoker: string; duration: number; sourceFunctionName: string; sourceURL: string }> }>) {
        if (e.duration <= 50) continue;
        const scripts = e.scripts.filter((x) => x.duration > 10).map((x) => `${x.invoker}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''} ${Math.round(x.duration)}`).join('; ');
        v.__frames.push(`${Math.round(e.duration)} ms (layout ${Math.round(e.startTime + e.duration - e.styleAndLayoutStart)}; ${scripts})`);
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
  });
  const page = await appPage(context, url + '#/', errors);
  const dir = await mkdtemp(join(tmpdir(), 'crossread-probe-'));
  page.on('dialog', (d) => { failures.push(`a dialog opened: ${d.message()}`); void d.dismiss(); });
  for (const [name, body] of FILES) {
    const before = errors.length;
    const r = await open(page, url, dir, name, body);
    const over = r.long.filter((d) => d > 50);
    notes.push(`${name} (${body.length} B): ${r.outcome.slice(0, 220)} — ${(r.ms / 1000).toFixed(1)} s, long tasks > 50 ms: ${over.length ? over.join(', ') : 'none'}`);
    if (over.length) failures.push(`${name}: main-thread tasks over 50 ms: ${over.join(', ')} ms; frames: ${r.frames.join(' | ')}`);
    if (r.pwned) failures.push(`${name}: a script ran (__pwned = ${r.pwned})`);
    if (r.dangerous.length) failures.push(`${name}: rendered ${r.dangerous.join(' | ')}`);
    if (r.outcome.startsWith('no outcome')) failures.push(`${name}: ${r.outcome}`);
    if (/stack|undefined|TypeError|null|NaN|\[object/.test(r.outcome)) failures.push(`${name}: message not in the reader's terms: ${r.outcome}`);
    failures.push(...errors.slice(before).map((e) => `${name}: ${e.slice(0, 300)}`));
  }
  if (requests.length) failures.push(`requests made to the probe host: ${[...new Set(requests)].join(', ')}`);
  await context.close();
  await rm(dir, { recursive: true });
  return { failures, notes };
}
