// Launch Debian's Chromium (or $CHROME_PATH) through playwright-core; nothing is downloaded.
import { chromium, type Browser } from 'playwright-core';

/** Flags for a root, offline, headless machine (see ../shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROME_PATH'] || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}
