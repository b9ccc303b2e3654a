/**
 * Hand-made evaluation pairs for related passages (src/search/related.ts): a passage quoted
 * exactly from one source, and the ¶s of the other sources that treat the same thing, judged by
 * reading the three texts. Cases alternate between a tuning half and a check half (`half`), so
 * the ranking is tuned on one and its figures checked on the other.
 */

const DJ = 'duvanova-junisbai-2022';
const KU = 'kurmashev-et-al-2018';
const AN = 'anisin-2026';

/** One case: a passage and the passages of other sources that treat the same thing. */
export interface RelatedCase {
  name: string;
  /** The source the quote is from (excluded from the results). */
  source: string;
  /** Copied exactly from the source's text. */
  quote: string;
  /** Relevant passages of the other sources, as [source, ¶]. */
  relevant: ReadonlyArray<readonly [string, number]>;
}

const CASES: RelatedCase[] = [
  {
    name: 'security forces de-mobilized → police units collapsed',
    source: DJ,
    quote: 'Second, the security forces, under the control of Abish, were de-mobilized at an opportune moment, leaving the city abandoned, rather than reinforced, in its hour of need.',
    relevant: [[AN, 50], [AN, 24], [AN, 44]],
  },
  {
    name: '"international terrorist gangs" and the call on the CSTO',
    source: DJ,
    quote: 'In a televised address, Tokayev declared “international terrorist gangs” responsible for the attacks and called upon the Collective Security Treaty Organization (CSTO), led by Russia, for help.',
    relevant: [[AN, 44], [AN, 55], [AN, 52]],
  },
  {
    name: 'shoot to kill after the CSTO arrived',
    source: DJ,
    quote: 'After the prompt arrival of CSTO peacekeepers in Almaty, Tokayev issued a “shoot to kill” order against protesters.',
    relevant: [[AN, 44], [AN, 45]],
  },
  {
    name: 'detained, injured, death toll',
    source: DJ,
    quote: 'By January 11, the Interior Ministry reported nearly 10,000 people detained and more than 4,500 injured, including 26 armed civilians. Official figures put the final death toll at 227.',
    relevant: [[AN, 43], [AN, 44], [AN, 45]],
  },
  {
    name: 'Zhanaozen and the gas price',
    source: DJ,
    quote: 'Protests spontaneously erupted in the western city of Zhanaozen on January 2, an immediate reaction to the two-fold increase in the price of liquefied petroleum gas.',
    relevant: [[AN, 43]],
  },
  {
    name: 'city hall and airport stormed',
    source: DJ,
    quote: 'City Hall, the police headquarters, the office of the procurator general, national TV stations, and the city airport were stormed, vandalized, or set on fire.',
    relevant: [[AN, 44], [AN, 50]],
  },
  {
    name: 'Tokayev turns to the CSTO as the only option',
    source: DJ,
    quote: 'The Nazarbayev family failed to consider that Tokayev would turn to another, albeit desperate, option to reposition himself as firmly in control—requesting outside assistance in the form of the CSTO.',
    relevant: [[AN, 44], [AN, 55], [AN, 50]],
  },
  {
    name: 'disloyal security services',
    source: DJ,
    quote: 'Well aware of the disloyalty of his own security services, Tokayev had no other choice.',
    relevant: [[AN, 50], [AN, 24], [AN, 58], [AN, 2], [AN, 54]],
  },
  {
    name: 'the order was not obeyed',
    source: DJ,
    quote: 'Thus, when Tokayev gave the order for the security forces to implement an emergency curfew and rein in those bent on destruction, no one responded. Simply put, “his order was not obeyed.”',
    relevant: [[AN, 50], [AN, 24], [AN, 44]],
  },
  {
    name: 'police nowhere to be found',
    source: DJ,
    quote: 'In the words of one journalist, when the violence in Almaty was at its peak, the police were nowhere to be found',
    relevant: [[AN, 50], [AN, 44]],
  },
  {
    name: 'titushky and the Euro-Maidan',
    source: DJ,
    quote: 'The tried-and-true Soviet practice of mobilizing industrial workers to quell protests reappeared most visibly during the 2013-2014 Euro-Maidan protests in Ukraine. There, a new term, titushky, was coined',
    relevant: [[AN, 47]],
  },
  {
    name: 'belokepochniki in the 2005 Tulip Revolution',
    source: DJ,
    quote: 'Some years earlier, in Kyrgyzstan, provocateurs described as belokepochniki (“white caps”) were observed during the 2005 Tulip Revolution.',
    relevant: [[AN, 51], [AN, 52], [AN, 50], [AN, 53]],
  },
  {
    name: '1953, 1956, 1968 interventions',
    source: DJ,
    quote: 'the legacy of Soviet disinformation and branding of the uprisings in East Germany in 1953, Hungary in 1956, and Prague in 1968 as fascist coups and NATO plots have been used to justify military interventions',
    relevant: [[AN, 10]],
  },
  {
    name: 'labelling protesters terrorists to justify force',
    source: DJ,
    quote: 'By labeling protestors international terrorists, Tokayev sought to justify the use of military force against unarmed civilians and subsequent repression.',
    relevant: [[AN, 55], [AN, 44], [AN, 52], [KU, 45]],
  },
  {
    name: 'violence as justification for repression',
    source: DJ,
    quote: 'The provocation of violence of 2022 has become a justification for presidential consolidation, heightened repression, and the tightening of restrictions on political expression and civic activism.',
    relevant: [[KU, 45], [AN, 55], [AN, 56]],
  },
  {
    name: 'security services returned only after the CSTO',
    source: DJ,
    quote: 'Finally, why did security services “give up the city” and return only after Tokayev appealed to the CSTO?',
    relevant: [[AN, 44], [AN, 45], [AN, 55]],
  },
  {
    name: 'Tokayev against the Nazarbayev family',
    source: DJ,
    quote: 'Placed in office originally as a transitional caretaker figure, Tokayev had begun taking steps to consolidate power and to limit that of the Nazarbayev family, whose wealth and influence are well documented.',
    relevant: [[AN, 43]],
  },
  {
    name: 'police units collapsed → security forces de-mobilized',
    source: AN,
    quote: 'Police units collapsed, armouries were looted, and the government declared that terrorists were starting to overrun the state. The internal coercive structure itself became paralysed which threatened regime survival.',
    relevant: [[DJ, 10], [DJ, 5], [DJ, 6], [DJ, 11], [DJ, 4], [DJ, 12]],
  },
  {
    name: 'city hall burnt, airport taken',
    source: AN,
    quote: 'Protesters seized the Almaty city hall and set it on fire. On 5 January 2022 protesters successfully took over Almaty airport which is a major international transit hub.',
    relevant: [[DJ, 3]],
  },
  {
    name: 'dissent arose in Zhanaozen',
    source: AN,
    quote: 'At first, dissent arose in Zhanaozen (a city of around 80,000 inhabitants in the West), and then spread to Almaty.',
    relevant: [[DJ, 2]],
  },
  {
    name: 'order to shoot, justified by terrorists',
    source: AN,
    quote: 'The Kazakh incumbent leader directly ordered security forces and police to shoot at protesters. In one of his justifications for issuing this order, he noted that terrorists were damaging property',
    relevant: [[DJ, 4]],
  },
  {
    name: 'appeal to the CSTO framed as foreign-backed terrorism',
    source: AN,
    quote: 'As revealed in the present study\'s assessment of the Kazakh CSTO intervention, Tokayev appealed to the CSTO and framed its necessary response in the backdrop of discourse of foreign-backed terrorism.',
    relevant: [[DJ, 4], [DJ, 12], [DJ, 6]],
  },
  {
    name: 'coup attempt by criminal groups exploiting peaceful demonstrations',
    source: AN,
    quote: 'Authorities justified their actions in combating a \'coup attempt\' that was executed by organised criminal groups and \'gangster-led mobs\' who were able to take the initiative and exploit what had originally started as a peaceful set of demonstrations on 5 January',
    relevant: [[DJ, 11], [DJ, 10], [DJ, 1], [DJ, 7]],
  },
  {
    name: 'Nazarbayev removed from the Security Council',
    source: AN,
    quote: 'the defence minister (Murat Bektanov) was removed, as was the prime minister (Askar Mamin) along with his government, and former leader Nazarbayev was removed from his chairman position in the country\'s Security Council',
    relevant: [[DJ, 12], [DJ, 2], [DJ, 8]],
  },
  {
    name: 'security forces reclaim buildings with CSTO troops',
    source: AN,
    quote: 'On the night of 6 January, Kazakh security forces, supported by CSTO troops, began reclaiming government administrative buildings that had been seized in Almaty and other urban areas.',
    relevant: [[DJ, 6], [DJ, 4], [DJ, 3]],
  },
  {
    name: 'CSTO acts when the coercive apparatus loses reliability',
    source: AN,
    quote: 'The CSTO acts when domestic instability jeopardises a member regime\'s survival, specifically when the state\'s coercive apparatus loses reliability or control over its monopoly of violence.',
    relevant: [[DJ, 12], [DJ, 10], [DJ, 11]],
  },
  {
    name: 'CSTO genesis in combating terrorism',
    source: AN,
    quote: 'Article 8 was particularly important as it enabled states to coordinate and unite efforts to fight against international terrorism and transnational crime in a time period when discourses on the \'war\' on terror were salient.',
    relevant: [[KU, 20], [KU, 22], [KU, 4]],
  },
  {
    name: 'Maidan technologies',
    source: AN,
    quote: 'Subsequently, Putin emphasised the threat of external forces to Kazakhstan\'s statehood and that activists relied on \'Maidan\' technologies during protests.',
    relevant: [[DJ, 13]],
  },
  {
    name: 'Kazakhstan works with the CSTO and SCO against terrorism',
    source: KU,
    quote: 'Special state bodies and law enforcement agencies actively interact with the Collective Security Treaty Organization and the Regional Anti-Terrorist Structure of the Shanghai Cooperation Organization',
    relevant: [[AN, 13], [AN, 5], [AN, 6]],
  },
  {
    name: 'KAZBAT peacekeeping',
    source: KU,
    quote: 'Being a peaceful country, it does not possess a large army to engage in military operations, although ‘KAZBAT’ Special Forces (peacekeeping battalion) are sent to peacekeeping operations abroad on a regular basis.',
    relevant: [[AN, 14]],
  },
  {
    name: 'terrorism justifies authoritarian rule',
    source: KU,
    quote: 'Last but not least, it should be acknowledged that some particular states may be interested to have radicalized non-state actors themselves because of particular short-term goals. The presence of ANSAs justifies the stiffening of authoritarian rule or provides a motive to isolate the country.',
    relevant: [[DJ, 14], [DJ, 4], [DJ, 1], [AN, 55]],
  },
  {
    name: 'terrorist acts in Aktobe and Almaty',
    source: KU,
    quote: 'This is confirmed by the tragic events that occurred in 2016 in the cities of Aktobe and Almaty, where 17 and 5 people respectively, died as a result of terrorist acts.',
    relevant: [[DJ, 4], [AN, 44], [AN, 45]],
  },
];

/** Every case, with its half: even positions tune, odd positions check. */
export const RELATED_CASES: ReadonlyArray<RelatedCase & { half: 'tune' | 'check' }> = CASES.map((c, i) => ({ ...c, half: i % 2 === 0 ? 'tune' : 'check' }));

/** How a ranking did on some cases. */
export interface RelatedScores {
  cases: number;
  /** Share of cases whose first result is relevant. */
  precisionAt1: number;
  /** Share of cases with a relevant passage among the first five. */
  hitAt5: number;
  /** Mean over cases of the relevant passages' share of the first five results. */
  precisionAt5: number;
  /** Mean reciprocal rank of the first relevant passage (0 when none in the first 10). */
  mrr: number;
  /** Per case: the rank (1-based) of its first relevant passage, or 0. */
  ranks: number[];
}

/** Scores a ranking function on cases; `rank` gets the quote and its source to exclude. */
export function scoreCases(
  cases: readonly RelatedCase[],
  rank: (quote: string, exclude: string) => ReadonlyArray<{ source: string; paragraph: number }>,
): RelatedScores {
  let p1 = 0, hit5 = 0, p5 = 0, rr = 0;
  const ranks: number[] = [];
  for (const c of cases) {
    const results = rank(c.quote, c.source).slice(0, 10);
    const good = (r: { source: string; paragraph: number }) => c.relevant.some(([s, p]) => s === r.source && p === r.paragraph);
    const first = results.findIndex(good);
    ranks.push(first + 1);
    if (first === 0) p1++;
    if (first >= 0 && first < 5) hit5++;
    if (first >= 0) rr += 1 / (first + 1);
    p5 += results.slice(0, 5).filter(good).length / Math.min(5, c.relevant.length);
  }
  const n = cases.length || 1;
  return { cases: cases.length, precisionAt1: p1 / n, hitAt5: hit5 / n, precisionAt5: p5 / n, mrr: rr / n, ranks };
}
