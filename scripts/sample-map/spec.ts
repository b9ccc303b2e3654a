/**
 * The sample seminar map (corpus/maps/seminar-sample.json): an instructor's map that teaches
 * the disagreement between the three readings. Every quote is copied exactly from the corpus
 * text; `build.ts` refuses to write the map if one is not found exactly once.
 */
import type { LinkRelation, Stance } from '../../src/store/index.ts';

export const LAYER_NAME = 'Seminar instructor (sample)';
export const COURSE = 'Reading sources against each other: Kazakhstan, January 2022';

export const EVENTS = {
  almaty: { name: 'Almaty violence, January 2022', start: '2022-01-04', end: '2022-01-07' },
  csto: { name: 'CSTO deployment to Kazakhstan, January 2022', start: '2022-01-06', end: '2022-01-19' },
} as const;

export type EventKey = keyof typeof EVENTS;

export interface PassageSpec {
  source: 'duvanova-junisbai-2022' | 'anisin-2026' | 'kurmashev-et-al-2018';
  quote: string;
  stance: Stance;
}

export interface ClaimSpec {
  key: string;
  statement: string;
  passages: PassageSpec[];
  tags?: string[];
  events?: EventKey[];
  note?: string;
}

const DJ = 'duvanova-junisbai-2022';
const AN = 'anisin-2026';
const KU = 'kurmashev-et-al-2018';

export const CLAIMS: ClaimSpec[] = [
  {
    key: 'aimed-at-tokayev',
    statement: 'The violence in Almaty was outsourced by regime insiders and aimed at Tokayev',
    passages: [
      { source: DJ, quote: 'Outsourced violence was, in other words, \u201caimed at Tokayev, not Nazarbayev.\u201d', stance: 'asserts' },
      { source: DJ, quote: 'A subset of elites appeared motivated by two distinct but related goals: to undermine Tokayev, on the one hand, and to delegitimize popular challenges to authoritarian rule, on the other.', stance: 'asserts' },
    ],
    tags: ['provocateurs', 'elite conflict'],
    events: ['almaty'],
  },
  {
    key: 'stood-down',
    statement: 'Security forces under Samat Abish were stood down on purpose, leaving Almaty unprotected',
    passages: [
      { source: DJ, quote: 'Second, the security forces, under the control of Abish, were de-mobilized at an opportune moment, leaving the city abandoned, rather than reinforced, in its hour of need.', stance: 'asserts' },
      { source: DJ, quote: 'The third was first deputy chairman of the KNB, Samat Abish.', stance: 'mentions' },
      { source: DJ, quote: 'Violent actors, in contrast, were left to wreak havoc unhindered.', stance: 'asserts' },
    ],
    tags: ['security forces'],
    events: ['almaty'],
    note: 'Compare with Anisin on the same days: a collapse, not a stand-down. Which evidence does each side offer?',
  },
  {
    key: 'disloyal',
    statement: 'Tokayev called in the CSTO because his own security services were disloyal',
    passages: [{ source: DJ, quote: 'Well aware of the disloyalty of his own security services, Tokayev had no other choice.', stance: 'asserts' }],
    tags: ['security forces', 'csto'],
    events: ['csto'],
  },
  {
    key: 'label-justifies',
    statement: 'The \u201cinternational terrorist gangs\u201d label served to justify repression',
    passages: [
      { source: DJ, quote: 'By labeling protestors international terrorists, Tokayev sought to justify the use of military force against unarmed civilians and subsequent repression.', stance: 'asserts' },
      { source: DJ, quote: 'The provocation of violence of 2022 has become a justification for presidential consolidation, heightened repression, and the tightening of restrictions on political expression and civic activism.', stance: 'asserts' },
    ],
    tags: ['framing'],
    events: ['almaty'],
  },
  {
    key: 'coercive-collapse',
    statement: 'The CSTO intervenes when a member state\u2019s coercive apparatus loses control',
    passages: [
      { source: AN, quote: 'The CSTO acts when domestic instability jeopardises a member regime\'s survival, specifically when the state\'s coercive apparatus loses reliability or control over its monopoly of violence.', stance: 'asserts' },
      { source: AN, quote: 'During protest and large-scale uprisings, where militaries and police remained intact, the CSTO abstained, but when they became fractured, intervention followed.', stance: 'asserts' },
    ],
    tags: ['csto', 'theory'],
    events: ['csto'],
  },
  {
    key: 'police-collapsed',
    statement: 'In Kazakhstan police units collapsed and armouries were looted',
    passages: [
      { source: AN, quote: 'Police units collapsed, armouries were looted, and the government declared that terrorists were starting to overrun the state.', stance: 'asserts' },
      { source: AN, quote: 'The internal coercive structure itself became paralysed which threatened regime survival.', stance: 'asserts' },
    ],
    tags: ['security forces'],
    events: ['almaty'],
  },
  {
    key: 'framing-not-cause',
    statement: 'Terrorist framing is not what caused the CSTO to deploy',
    passages: [{ source: AN, quote: 'While this framing strategy was indeed used in Kazakhstan in 2022, it is unlikely that it is what actually caused the CSTO to deploy troops.', stance: 'asserts' }],
    tags: ['framing', 'csto'],
    events: ['csto'],
  },
  {
    key: 'belarus-held',
    statement: 'The CSTO did not intervene in Belarus in 2020 because its security forces held',
    passages: [{ source: AN, quote: 'This is particularly why the CSTO did not intervene during large-scale protests that arose in the summer of 2020 in Belarus, where domestic security forces were not fragmented and repressed opposition through mass arrests.', stance: 'asserts' }],
    tags: ['belarus 2020', 'csto'],
  },
  {
    key: 'table-belarus',
    statement: 'Anisin\u2019s Table 1 lists Belarus 2020 among the CSTO\u2019s interventions',
    passages: [{ source: AN, quote: '2020 Belarus', stance: 'asserts' }],
    tags: ['belarus 2020', 'inconsistency'],
    note: 'The table and the text disagree. Keep both in view: which one does the argument rely on?',
  },
  {
    key: 'article-4',
    statement: 'Kazakhstan was the first time Article 4 of the Collective Security Treaty was invoked',
    passages: [{ source: AN, quote: 'Specifically, Article 4 of the Collective Security Treaty was drawn upon which was the first implementation of this Article in the history of the organisation', stance: 'asserts' }],
    tags: ['csto'],
    events: ['csto'],
  },
  {
    key: 'intl-orgs',
    statement: 'Kazakhstan relies on international organisations rather than on force abroad',
    passages: [
      { source: KU, quote: 'At the same time, Kazakhstan prefers to emphasize the role of international organizations in joining international forces against the threat.', stance: 'asserts' },
      { source: KU, quote: 'preferring not to participate in international anti-terrorism campaigns militarily', stance: 'asserts' },
    ],
    tags: ['middle power'],
  },
  {
    key: 'ansas-authoritarian',
    statement: 'Armed non-state actors give a regime a reason to stiffen authoritarian rule',
    passages: [{ source: KU, quote: 'The presence of ANSAs justifies the stiffening of authoritarian rule or provides a motive to isolate the country.', stance: 'asserts' }],
    tags: ['framing'],
  },
  {
    key: 'middle-power',
    statement: 'Kazakhstan is a middle power',
    passages: [{ source: KU, quote: 'Summing up, this article concludes that (i) Kazakhstan is an all-round middle power', stance: 'asserts' }],
    tags: ['middle power'],
  },
];

/** Passages that argue against a claim made elsewhere: [claim key, source, quote]. */
export const AGAINST: Array<[string, PassageSpec['source'], string]> = [
  ['stood-down', AN, 'Police units collapsed, armouries were looted, and the government declared that terrorists were starting to overrun the state.'],
  ['belarus-held', AN, '2020 Belarus'],
];

export const LINKS: Array<{ from: string; relation: LinkRelation; to: string; rationale: string }> = [
  { from: 'stood-down', relation: 'contradicts', to: 'police-collapsed', rationale: 'Both explain why no police defended Almaty on 5\u20136 January: a deliberate stand-down ordered from inside the regime, or a coercive apparatus that broke under pressure.' },
  { from: 'table-belarus', relation: 'contradicts', to: 'belarus-held', rationale: 'Anisin\u2019s own Table 1 counts Belarus 2020 as an intervention; his text says there was none.' },
  { from: 'disloyal', relation: 'supports', to: 'coercive-collapse', rationale: 'Disloyal services are one way a coercive apparatus \u201closes reliability\u201d: read this way, Duvanova & Junisbai\u2019s account fits Anisin\u2019s rule.' },
  { from: 'police-collapsed', relation: 'supports', to: 'coercive-collapse', rationale: 'Kazakhstan 2022 is the case the rule is drawn from.' },
  { from: 'belarus-held', relation: 'supports', to: 'coercive-collapse', rationale: 'The counterfactual: forces held, so no intervention.' },
  { from: 'ansas-authoritarian', relation: 'supports', to: 'label-justifies', rationale: 'Kurmashev et al. describe in general what Duvanova & Junisbai find in January 2022.' },
  { from: 'stood-down', relation: 'supports', to: 'aimed-at-tokayev', rationale: 'The stand-down is part of how the violence was turned against the president.' },
  { from: 'middle-power', relation: 'supports', to: 'intl-orgs', rationale: 'The authors derive the reliance on international organisations from middle-power status.' },
  { from: 'framing-not-cause', relation: 'qualifies', to: 'label-justifies', rationale: 'The label may have justified repression at home without being what brought the CSTO in.' },
  { from: 'article-4', relation: 'qualifies', to: 'framing-not-cause', rationale: 'Article 4 concerns aggression: the framing was what made the request formally possible.' },
  { from: 'intl-orgs', relation: 'qualifies', to: 'disloyal', rationale: 'Turning to the CSTO also fits Kazakhstan\u2019s habit of acting through international organisations.' },
  { from: 'police-collapsed', relation: 'qualifies', to: 'disloyal', rationale: 'Collapse, not disloyalty, in Anisin\u2019s account of the same request.' },
];
