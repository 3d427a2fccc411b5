import { describe, expect, it } from 'vitest';
import { loadRulePack } from './load-pack.ts';
import { expectedOf, statusesOf, type RuleCase } from './test-calls.test-helper.ts';

const pack = await loadRulePack('hu');

const cases: RuleCase[] = [
  { rule: 'greeting', expected: 'pass', lines: ['A: Tisza Energia, jó napot, Eszter vagyok.'] },
  { rule: 'greeting', expected: 'pass', lines: ['A: Jó napot kívánok, Dunakom ügyfélszolgálat.'] },
  { rule: 'greeting', expected: 'fail', lines: ['A: Igen, Csomagpont.'] },
  { rule: 'thanks-opening', expected: 'pass', lines: ['A: Dunakom, jó napot, köszönöm, hogy hívott.'] },
  { rule: 'thanks-opening', expected: 'pass', lines: ['A: Köszönjük a hívását!'] },
  { rule: 'thanks-opening', expected: 'fail', lines: ['A: Dunakom, jó napot, Gábor vagyok.'] },
  { rule: 'thanks-closing', expected: 'pass', lines: ['A: Jó napot.', 'C: Viszontlátásra.', 'A: Köszönöm a türelmét, további szép napot!'] },
  { rule: 'thanks-closing', expected: 'fail', lines: ['A: Köszönöm a hívását.', 'C: Jó.', 'A: A mai napot jóváírjuk a következő számláján.'] },
  { rule: 'please', expected: 'pass', lines: ['A: Megadná, kérem, az ügyfélazonosítóját?'] },
  { rule: 'please', expected: 'pass', lines: ['A: Kérem, adja meg a telefonszámát.'] },
  { rule: 'please', expected: 'fail', lines: ['A: Telefonszám?'] },
  { rule: 'please', expected: 'n/a', lines: ['A: Ön megtarthatja a jelenlegi számát.'] },
  { rule: 'no-interruptions', expected: 'fail', lines: ['C: Két hete várok a csomagomra', 'A>: Mi a rendelésszám?'] },
  { rule: 'no-interruptions', expected: 'pass', lines: ['A: Ön öt munkanapon belül visszakapja a pénzt.', 'C>: Öt nap?'] },
  { rule: 'hold-consent', expected: 'pass', lines: ['A: Tarthatom egy percig a vonalat, amíg ellenőrzöm?', 'C: Persze.', '-- hold 20 --'] },
  { rule: 'hold-consent', expected: 'pass', lines: ['A: Várakoztathatom? Megnézem a csomag adatait.', 'C: Igen, várok.', '-- hold 20 --'] },
  { rule: 'hold-consent', expected: 'pass', lines: ['A: Kérem, tartsa a vonalat.', 'C: Rendben.', '-- hold 20 --'] },
  { rule: 'hold-consent', expected: 'fail', lines: ['A: Várjon.', '-- hold 20 --'] },
  { rule: 'hold-consent', expected: 'pass', lines: ['A: Tarthatom a vonalat két percig?', 'C: Igen.', '-- hold 20 --', 'A: Köszönöm a türelmét.'], acoustic: false },
  { rule: 'hold-duration-stated', expected: 'pass', lines: ['A: Tarthatom egy percig a vonalat?', 'C: Persze.', '-- hold 20 --'] },
  { rule: 'hold-duration-stated', expected: 'fail', lines: ['A: Várakoztathatom?', 'C: Igen.', '-- hold 20 --'] },
  { rule: 'hold-thanks', expected: 'pass', lines: ['A: Várakoztathatom?', 'C: Igen.', '-- hold 20 --', 'A: Köszönöm a türelmét.'] },
  { rule: 'hold-thanks', expected: 'fail', lines: ['A: Várakoztathatom?', 'C: Igen.', '-- hold 20 --', 'A: A raktárban van.'] },
  { rule: 'delay-reason', expected: 'pass', lines: ['C: Reggel óta nincs internet!', 'A: Egy munkagép elvágta a kábelt, ezért szűnt meg a kapcsolat.'] },
  { rule: 'delay-reason', expected: 'fail', lines: ['C: Két hete várok a csomagomra!', 'A: A raktárban van. Én ezzel nem tudok mit kezdeni.'] },
  { rule: 'delay-reason', expected: 'n/a', lines: ['C: Minden hónap végén elfogy a netem.', 'A: Átállítom a csomagot.'] },
  { rule: 'transfer-explained', expected: 'pass', lines: ['A: Átkapcsolom a roaming csoporthoz, mert ők törölhetik a díjat.'] },
  { rule: 'transfer-explained', expected: 'fail', lines: ['A: Átkapcsolom a roaming osztályra. Ha megszakadna a vonal, hívja a hatszázhúszat.'] },
  { rule: 'transfer-explained', expected: 'n/a', lines: ['A: Már be is kapcsoltam.'] },
  { rule: 'one-word-answers', expected: 'fail', lines: ['C: Aktív volt a csomagom, vagy sem?', 'A: Talán.'] },
  { rule: 'one-word-answers', expected: 'pass', lines: ['C: És a postai csekket is oda küldik?', 'A: Igen, Ön a csekket is az új címre kapja.'] },
  { rule: 'you-not-i', expected: 'pass', lines: ['A: Ön SMS-t kap, amint újra működik. Elektronikus számlára is válthat.'] },
  { rule: 'you-not-i', expected: 'fail', lines: ['A: Látom a díjat. Ezt én nem tudom törölni.'] },
  { rule: 'you-not-i', expected: 'fail', lines: ['A: Megnézem és elküldöm.'] },
  { rule: 'you-not-i', expected: 'n/a', lines: ['A: Köszönöm. Elnézést kérek. Megadná, kérem, a címét?'] },
  { rule: 'no-disagreement', expected: 'fail', lines: ['A: Nem ígértünk ilyet.'] },
  { rule: 'no-disagreement', expected: 'pass', lines: ['A: Igaza van.'] },
  { rule: 'no-evaluative', expected: 'fail', lines: ['A: Nyilván rosszul olvasta a honlapot.'] },
  { rule: 'no-evaluative', expected: 'pass', lines: ['A: A honlapon három nap szerepel.'] },
  { rule: 'alternative-offered', expected: 'pass', lines: ['A: Gyorsabban nem megy, de Ön kérheti jóváírásként.'] },
  { rule: 'alternative-offered', expected: 'fail', lines: ['A: Ezt én nem tudom törölni.', 'C: Aktív volt?', 'A: Talán.'] },
  { rule: 'alternative-offered', expected: 'n/a', lines: ['A: Rendben, így marad.'] },
  { rule: 'no-repeat-requests', expected: 'fail', lines: ['C: A rendelésszám öt, hat, nyolc, egy.', 'A: Mi a rendelésszám?'] },
  { rule: 'no-repeat-requests', expected: 'fail', lines: ['A: Kérem, adja meg a telefonszámát.', 'C: Harminc, hétszázhetven.', 'A: Kérem, mondja meg újra a számát.'] },
  { rule: 'no-repeat-requests', expected: 'pass', lines: ['C: Szeretném megváltoztatni a számlázási címemet.', 'A: Megadná, kérem, az új címét?'] },
  { rule: 'follow-up', expected: 'pass', lines: ['C: A márciusi számlámat kétszer vonták le.', 'A: Egy órán belül e-mailben visszaigazolást kap.'] },
  { rule: 'follow-up', expected: 'fail', lines: ['C: És mikor kapom meg?', 'A: Nem tudom.'] },
  { rule: 'follow-up', expected: 'n/a', lines: ['C: Szeretnék áttérni a korlátlan csomagra.', 'A: Átkapcsolom a roaming osztályra.'] },
  { rule: 'calm-under-pressure', expected: 'fail', lines: ['C: Ez felháborító!', 'A: Nekem is van más dolgom.'] },
  { rule: 'calm-under-pressure', expected: 'pass', lines: ['C: Az túl késő!', 'A: Megértem, és elnézést kérek.'] },
  { rule: 'calm-under-pressure', expected: 'n/a', lines: ['C: Nagyszerű, köszönöm.', 'A: Köszönöm, hogy hívott!'] },
];

describe('Hungarian pack', () => {
  it('gives each rule the expected status, across conjugation, accents, negatives and n/a', () => {
    expect(statusesOf(pack, cases)).toEqual(expectedOf(cases));
  });
});
