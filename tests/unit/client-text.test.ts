import { describe, expect, it } from 'vitest';
import { ownWords, ownWordSpans } from '../../core/classifier/client-text';

describe("the client's own words of an e-mail", () => {
  it('drops a Gmail-style quoted reply (English)', () => {
    const text = 'Still nothing. Where is my refund?\n\nOn Tue, 3 Mar 2026 at 10:12, Acme Support <help@acme.com> wrote:\n> We are sorry for the delay. As compensation we added a promo code.\n> Kind regards, Anna';
    expect(ownWords(text)).toBe('Still nothing. Where is my refund?');
  });

  it('drops a wrapped attribution line', () => {
    const text = 'Thanks, that works.\n\nOn Tue, 3 Mar 2026 at 10:12, Acme Support <\nhelp@acme.com> wrote:\n\n> Please try the discount code again';
    expect(ownWords(text)).toBe('Thanks, that works.');
  });

  it('drops a Russian quoted reply («пишет:»)', () => {
    const text = 'Деньги так и не пришли.\n\nпн, 3 мар. 2026 г. в 10:12, Служба поддержки <support@shop.ru>:\nпишет:\n> Приносим извинения, в качестве компенсации начислили бонусы.';
    expect(ownWords(text)).toBe('Деньги так и не пришли.');
    const one = 'Деньги так и не пришли.\n\n3 марта 2026 г., в 10:12, Служба поддержки <support@shop.ru> написал:\n> Компенсация — 500 бонусов.';
    expect(ownWords(one)).toBe('Деньги так и не пришли.');
  });

  it('drops an Outlook header block and everything after it', () => {
    const en = 'See below, nothing changed.\n\n-----Original Message-----\nFrom: Support <help@acme.com>\nSent: Monday, March 2, 2026 9:00 AM\nSubject: RE: order\n\nWe can offer a gift card.';
    expect(ownWords(en)).toBe('See below, nothing changed.');
    const ru = 'Ответа нет уже неделю.\n\nОт: Поддержка <support@shop.ru>\nОтправлено: 2 марта 2026 г. 9:00\nТема: Заказ\n\nПредлагаем промокод на скидку.';
    expect(ownWords(ru)).toBe('Ответа нет уже неделю.');
  });

  it('keeps bottom-posted answers between quoted lines', () => {
    const text = '> Could you send the order number?\n12345, placed on Monday.\n> And the address?\nSame as always.';
    expect(ownWords(text)).toBe('12345, placed on Monday.\nSame as always.');
  });

  it('drops signatures, disclaimers and mobile footers (RU and EN)', () => {
    const en = 'The app crashes when I tap Pay.\n\nBest regards,\nAnna Petrova | Head of Procurement\n+44 20 7946 0000\n\nThis e-mail and any attachments are confidential and intended solely for the addressee.';
    expect(ownWords(en)).toBe('The app crashes when I tap Pay.');
    const ru = 'Приложение вылетает при оплате.\n\nС уважением,\nИван Петров\nменеджер по закупкам\n\nОтправлено с iPhone';
    expect(ownWords(ru)).toBe('Приложение вылетает при оплате.');
    expect(ownWords('Where is my order?\nSent from my iPhone')).toBe('Where is my order?');
    expect(ownWords('Где заказ?\n\nОтправлено из мобильной Почты Mail.ru')).toBe('Где заказ?');
    expect(ownWords('Где заказ?\n-- \nИван')).toBe('Где заказ?');
  });

  it('keeps a message that is all the client\'s own, and its positions', () => {
    const text = 'Hello!\nMy order 4471 is late.\nThanks';
    expect(ownWordSpans('Where is my order?')).toEqual([[0, 18]]);
    expect(ownWords('Спасибо')).toBe('Спасибо');
    const spans = ownWordSpans(text);
    expect(spans.map(([a, b]) => text.slice(a, b)).join('\n')).toBe('Hello!\nMy order 4471 is late.');
  });
});
