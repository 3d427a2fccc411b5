import { describe, expect, it } from 'vitest';
import type { Language } from '../result/call-result.ts';
import { loadRulePack } from './load-pack.ts';
import { runScript } from './test-calls.test-helper.ts';

const packs = {
  en: await loadRulePack('en'),
  ru: await loadRulePack('ru'),
  hu: await loadRulePack('hu'),
};

// [language, agent line, I-statements, you-statements]
const cases: [Language, string, number, number][] = [
  ['en', "I can't remove it.", 1, 0],
  ['en', "I see the charge, but I can't remove it. I don't handle roaming disputes.", 3, 0],
  ['en', 'You will receive a confirmation e-mail within the hour.', 0, 1],
  ['en', 'You can choose Saturday morning, or you can leave it with a neighbour.', 0, 2],
  ['en', 'I think you misread the website.', 1, 1],
  ['en', 'The driver will call you before arrival.', 0, 0],
  ['en', "Thank you. I'm sorry about that. I understand.", 0, 0],
  ['en', 'Could you please tell me your account number? How can I help?', 0, 0],
  ['en', 'Please tell me the order number.', 0, 0],
  ['ru', 'Я проверю оба платежа.', 1, 0],
  ['ru', 'Проверю и отправлю письмо.', 2, 0],
  ['ru', 'Мне нужно проверить склад.', 1, 0],
  ['ru', 'Мне некогда, у меня очередь звонков.', 2, 0],
  ['ru', 'Вам придёт письмо с подтверждением.', 0, 1],
  ['ru', 'Вы получите деньги на карту в течение недели.', 0, 1],
  ['ru', 'Я переведу вас в отдел роуминга.', 1, 0],
  ['ru', 'Извините. Понимаю вас. Меня зовут Ольга.', 0, 0],
  ['ru', 'Назовите, пожалуйста, номер договора. Можно я поставлю вас на удержание?', 0, 0],
  ['ru', 'Я вижу, что роутер пришёл на склад. Но деньги возвращаю не я.', 2, 0],
  ['ru', 'Записала. Рада помочь.', 2, 0],
  ['ru', 'Посылка пришла вчера, курьер звонил.', 0, 0],
  ['ru', 'У вас есть два варианта.', 0, 1],
  ['ru', 'Я отправлю вам письмо, у вас будет ссылка.', 1, 1],
  ['hu', 'Megnézem a csomag adatait.', 1, 0],
  ['hu', 'Elküldöm az e-mailt, és tudok adni jóváírást.', 2, 0],
  ['hu', 'Rögzítettem.', 1, 0],
  ['hu', 'Ön megkapja a pénzt. Önnek SMS-t küldünk.', 0, 2],
  ['hu', 'Elektronikus számlára is válthat.', 0, 1],
  ['hu', 'Ezt én nem tudom törölni.', 1, 0],
  ['hu', 'Köszönöm. Elnézést. Sajnálom. Katalin vagyok.', 0, 0],
  ['hu', 'Kérem, adja meg a telefonszámát. Miben segíthetek?', 0, 0],
  ['hu', 'A váltás a következő számlázási naptól érvényes.', 0, 0],
  ['hu', 'Minden el van intézve Önnek.', 0, 1],
  ['hu', 'Elküldöm Önnek az e-mailt.', 1, 0],
];

describe('I- and you-statements', () => {
  it.each(cases)('%s: "%s" → I %i, you %i', (language, line, i, you) => {
    expect(runScript(packs[language], [`A: ${line}`]).statements.agent).toEqual({ i, you });
  });

  it("counts only the agent's speech", () => {
    expect(runScript(packs.en, ['C: I will call you tomorrow.']).statements.agent).toEqual({ i: 0, you: 0 });
  });
});
