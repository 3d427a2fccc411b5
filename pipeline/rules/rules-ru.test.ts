import { describe, expect, it } from 'vitest';
import { loadRulePack } from './load-pack.ts';
import { expectedOf, statusesOf, type RuleCase } from './test-calls.test-helper.ts';

const pack = await loadRulePack('ru');

const cases: RuleCase[] = [
  { rule: 'greeting', expected: 'pass', lines: ['A: Компания Северный ветер, здравствуйте! Меня зовут Ольга.'] },
  { rule: 'greeting', expected: 'pass', lines: ['A: Добрый день, Городской водоканал.'] },
  { rule: 'greeting', expected: 'fail', lines: ['A: Алло, ТелеКом Плюс.'] },
  { rule: 'thanks-opening', expected: 'pass', lines: ['A: Здравствуйте, ТелеКом Плюс, спасибо, что позвонили.'] },
  { rule: 'thanks-opening', expected: 'pass', lines: ['A: Здравствуйте, благодарим за звонок.'] },
  { rule: 'thanks-opening', expected: 'fail', lines: ['A: Служба доставки, здравствуйте.'] },
  { rule: 'thanks-closing', expected: 'pass', lines: ['A: Здравствуйте.', 'C: До свидания.', 'A: Спасибо за звонок, всего доброго!'] },
  { rule: 'thanks-closing', expected: 'fail', lines: ['A: Спасибо за звонок.', 'C: Хорошо, переводите.', 'A: Соединяю.'] },
  { rule: 'please', expected: 'pass', lines: ['A: Назовите, пожалуйста, номер договора.'] },
  { rule: 'please', expected: 'pass', lines: ['A: Ваш номер договора, пожалуйста.'] },
  { rule: 'please', expected: 'fail', lines: ['A: Номер заказа какой?'] },
  { rule: 'please', expected: 'fail', lines: ['A: Продиктуйте номер лицевого счета.'] },
  { rule: 'please', expected: 'n/a', lines: ['A: Я вижу ваш номер.'] },
  { rule: 'no-interruptions', expected: 'fail', lines: ['C: Мой заказ задерживается уже на десять дней', 'A>: Номер заказа?'] },
  { rule: 'no-interruptions', expected: 'pass', lines: ['A: Вы получите деньги на карту.', 'C>: Пять дней?'] },
  { rule: 'hold-consent', expected: 'pass', lines: ['A: Можно я поставлю вас на удержание на полминуты?', 'C: Да, конечно.', '-- hold 20 --'] },
  { rule: 'hold-consent', expected: 'pass', lines: ['A: На удержании подождёте минутку?', 'C: Хорошо.', '-- hold 20 --'] },
  { rule: 'hold-consent', expected: 'pass', lines: ['A: Оставайтесь, пожалуйста, на линии.', 'C: Ладно.', '-- hold 20 --'] },
  { rule: 'hold-consent', expected: 'fail', lines: ['A: Ждите.', '-- hold 20 --'] },
  { rule: 'hold-consent', expected: 'fail', lines: ['A: Поставлю вас на удержание.', 'C: Нет, я тороплюсь!', '-- hold 20 --'] },
  { rule: 'hold-consent', expected: 'pass', lines: ['A: Подождите, пожалуйста, я проверю.', 'C: Хорошо.', '-- hold 20 --', 'A: Спасибо за ожидание.'], acoustic: false },
  { rule: 'hold-duration-stated', expected: 'pass', lines: ['A: Можно я поставлю вас на удержание на две минуты?', 'C: Да.', '-- hold 20 --'] },
  { rule: 'hold-duration-stated', expected: 'fail', lines: ['A: Можно я поставлю вас на удержание?', 'C: Да.', '-- hold 20 --'] },
  { rule: 'hold-thanks', expected: 'pass', lines: ['A: Можно я поставлю вас на удержание?', 'C: Да.', '-- hold 20 --', 'A: Спасибо за ожидание.'] },
  { rule: 'hold-thanks', expected: 'fail', lines: ['A: Можно я поставлю вас на удержание?', 'C: Да.', '-- hold 20 --', 'A: Так. Я вижу платёж.'] },
  { rule: 'delay-reason', expected: 'pass', lines: ['A: Можно я поставлю вас на удержание? Мне нужно проверить склад.', 'C: Хорошо.', '-- hold 20 --'] },
  { rule: 'delay-reason', expected: 'pass', lines: ['C: У меня с утра не работает интернет!', 'A: Строители повредили кабель, поэтому пропала связь.'] },
  { rule: 'delay-reason', expected: 'fail', lines: ['C: Мой заказ задерживается уже на десять дней.', 'A: Посылка на складе.'] },
  { rule: 'delay-reason', expected: 'n/a', lines: ['C: Хочу перейти на другой тариф.', 'A: Готово.'] },
  { rule: 'transfer-explained', expected: 'pass', lines: ['A: Я переведу вас в отдел роуминга, там подключат пакет для поездки.', 'C: Хорошо.', 'A: Соединяю.'] },
  { rule: 'transfer-explained', expected: 'fail', lines: ['A: Я переведу вас в бухгалтерию. Если связь прервётся, звоните по номеру восемьсот.'] },
  { rule: 'transfer-explained', expected: 'n/a', lines: ['A: Готово.'] },
  { rule: 'one-word-answers', expected: 'fail', lines: ['C: Так когда мне её привезут?', 'A: Не знаю.'] },
  { rule: 'one-word-answers', expected: 'pass', lines: ['C: А по эс-эм-эс тоже можно?', 'A: Да, вы можете отправить их на номер девятьсот.'] },
  { rule: 'you-not-i', expected: 'pass', lines: ['A: Вам придёт письмо в течение часа. Вы получите деньги на карту.'] },
  { rule: 'you-not-i', expected: 'fail', lines: ['A: Я тут ничего сделать не могу. Мне некогда, у меня очередь звонков.'] },
  { rule: 'you-not-i', expected: 'fail', lines: ['A: Проверю оба платежа и отправлю письмо.'] },
  { rule: 'you-not-i', expected: 'n/a', lines: ['A: Понимаю вас, извините. Назовите, пожалуйста, ваш адрес.'] },
  { rule: 'no-disagreement', expected: 'fail', lines: ['A: Мы ничего не обещали.'] },
  { rule: 'no-disagreement', expected: 'pass', lines: ['A: Вы правы: платёж прошёл дважды.'] },
  { rule: 'no-evaluative', expected: 'fail', lines: ['A: Вы, видимо, невнимательно читали условия.'] },
  { rule: 'no-evaluative', expected: 'pass', lines: ['A: Условия доставки есть на сайте.'] },
  { rule: 'alternative-offered', expected: 'pass', lines: ['A: Быстрее вернуть на карту не получится, но вы можете получить эту сумму в счёт платежа.'] },
  { rule: 'alternative-offered', expected: 'fail', lines: ['A: Посылка на складе. Я тут ничего сделать не могу.'] },
  { rule: 'alternative-offered', expected: 'fail', lines: ['A: Но деньги возвращаю не я.'] },
  { rule: 'alternative-offered', expected: 'n/a', lines: ['A: Роумингом я не занимаюсь.'] },
  { rule: 'no-repeat-requests', expected: 'fail', lines: ['C: Номер заказа пять семь три девять.', 'A: Номер заказа какой?'] },
  { rule: 'no-repeat-requests', expected: 'fail', lines: ['A: Ваш номер договора, пожалуйста.', 'C: Четыре ноль ноль семь.', 'A: Продиктуйте ещё раз номер договора.'] },
  { rule: 'no-repeat-requests', expected: 'pass', lines: ['C: Хочу передать показания счётчиков.', 'A: Продиктуйте, пожалуйста, показания.'] },
  { rule: 'follow-up', expected: 'pass', lines: ['C: С меня дважды списали оплату.', 'A: Вам придёт письмо с подтверждением.'] },
  { rule: 'follow-up', expected: 'pass', lines: ['C: И когда почините?', 'A: Вам придет эс-эм-эс, как только всё заработает.'] },
  { rule: 'follow-up', expected: 'fail', lines: ['C: Так когда мне её привезут?', 'A: Не знаю.'] },
  { rule: 'follow-up', expected: 'n/a', lines: ['C: Хочу перейти на безлимитный тариф.', 'A: Я могу подключить его завтра.'] },
  { rule: 'calm-under-pressure', expected: 'fail', lines: ['C: Это просто безобразие.', 'A: Мне некогда, у меня очередь звонков.'] },
  { rule: 'calm-under-pressure', expected: 'pass', lines: ['C: Это уже третий раз за месяц!', 'A: Понимаю вас, извините.'] },
  { rule: 'calm-under-pressure', expected: 'n/a', lines: ['C: Отлично, спасибо большое.', 'A: Спасибо за звонок.'] },
];

describe('Russian pack', () => {
  it('gives each rule the expected status, across inflection, word order, ё/е, negatives and n/a', () => {
    expect(statusesOf(pack, cases)).toEqual(expectedOf(cases));
  });
});
