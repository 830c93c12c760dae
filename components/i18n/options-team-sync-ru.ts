import type { optionsTeamSyncEn } from './options-team-sync-en';

/** Russian strings of the Team sync section (part of options-ru.ts). */
export const optionsTeamSyncRu: Record<keyof typeof optionsTeamSyncEn, string> = {
  'options.teamSync.heading': 'Синхронизация с командой',
  'options.teamSync.intro':
    'Подтверждённые вами типажи клиентов записываются в хелпдеск тегами: их видит панель каждого коллеги, а также представления и триггеры вашего хелпдеска.',
  'options.teamSync.switch': 'Записывать подтверждённые типажи в хелпдеск',
  'options.teamSync.decided.pack.on': 'Включено пакетом вашей команды.',
  'options.teamSync.decided.pack.off': 'Выключено пакетом вашей команды.',
  'options.teamSync.decided.default': 'Выключено, пока её не включите вы или пакет команды.',
  'options.teamSync.decided.agent.on': 'Вы включили её сами.',
  'options.teamSync.decided.agent.off': 'Вы выключили её сами.',
  'options.teamSync.followPack.on': 'Вернуть выбор пакета команды (включено)',
  'options.teamSync.followPack.off': 'Вернуть выбор пакета команды (выключено)',
  'options.teamSync.failed': 'Не получилось:',

  'options.teamSync.writes.heading': 'Что и куда записывается',
  'options.teamSync.writes.lead': 'Когда типаж клиента подтверждён, ставятся такие теги:',
  'options.teamSync.writes.offLead': 'Пока синхронизация выключена, ничего не записывается. Когда её включат, подтверждённый типаж поставит такие теги:',
  'options.teamSync.part.type': 'Типаж, у каждого свой тег; для вымогателя:',
  'options.teamSync.part.vip': 'Отметка VIP:',
  'options.teamSync.part.segment': 'Сегмент клиента, например:',
  'options.teamSync.part.segmentNone': 'Сегмент клиента: ни в одном сегменте ваших пакетов пока нет списков или тегов, так что тег сегмента не ставится.',
  'options.teamSync.where':
    'Куда: в Zendesk — на карточку самого клиента (автора обращения или организацию, если клиент — организация); в amoCRM / Kommo — на контакт или компанию.',
  'options.teamSync.ticket.on': 'В Zendesk те же теги получает и последнее открытое вами обращение клиента.',
  'options.teamSync.ticket.off': 'Обращениям и сделкам теги не ставятся — только карточке клиента.',
  'options.teamSync.rule.confirmed':
    'Записывается только то, что подтвердил агент: кнопкой «Подтвердить» на карточке типажа или выбрав типаж вручную. Догадка модели не записывается никогда.',
  'options.teamSync.rule.undo': 'Отмена снимает только теги, поставленные самим Типажом; теги, которые поставили люди или ваши триггеры, остаются.',
  'options.teamSync.rule.neverRecord': 'Для клиентов из списка «Никогда не записывать» (в разделе «Ваши данные») ничего не записывается.',
  'options.teamSync.rule.notRetroactive':
    'Типажи, подтверждённые до включения синхронизации, задним числом не записываются: такой клиент получит теги после следующего изменения его типажа или отметки VIP.',

  'options.teamSync.preview.heading': 'Пробный прогон: клиент, которого вы открывали последним',
  'options.teamSync.preview.searching': 'Ищу клиента, которого вы открывали последним…',
  'options.teamSync.preview.none': 'Клиентов пока нет: откройте обращение с боковой панелью, и здесь будет видно, что записалось бы для этого клиента.',
  'options.teamSync.preview.off': 'Синхронизация выключена, поэтому сейчас ничего не записывается. Будь она включена:',
  'options.teamSync.preview.neverRecorded': 'Клиент в списке «Никогда не записывать»: для него ничего не записывается.',
  'options.teamSync.preview.notWritable': 'Клиент прочитан только со страницы: в {helpdesk} нет карточки, которой можно поставить тег.',
  'options.teamSync.preview.target.user': 'Куда: пользователь Zendesk {id}',
  'options.teamSync.preview.target.organization': 'Куда: организация в Zendesk {id}',
  'options.teamSync.preview.target.contact': 'Куда: контакт amoCRM {id}',
  'options.teamSync.preview.target.company': 'Куда: компания в amoCRM {id}',
  'options.teamSync.preview.ticket': 'и обращение {id}',
  'options.teamSync.preview.confirmed': 'Подтверждённый типаж: {type}.',
  'options.teamSync.preview.ifConfirmed': 'Пока не подтверждён. Если подтвердить {type} (последний типаж, который показала панель):',
  'options.teamSync.preview.noType': 'Пока не подтверждён, и панель ещё не показывала типаж этого клиента: записывать нечего.',
  'options.teamSync.preview.add': 'Добавит:',
  'options.teamSync.preview.remove': 'Уберёт:',
  'options.teamSync.preview.nothing': 'Менять нечего: у клиента уже стоят нужные теги.',
  'options.teamSync.preview.waiting': 'Запись для этого клиента ждёт отправки.',
  'options.teamSync.preview.refused': 'Хелпдеск отказал в записи для этого клиента (подробности ниже).',

  'options.teamSync.queue.heading': 'Очередь записи',
  'options.teamSync.queue.none': 'В очереди ничего нет.',
  'options.teamSync.queue.waiting':
    'Ждут отправки: {n, plural, one {# запись} few {# записи} many {# записей} other {# записи}}. Они уйдут, когда будет открыта вкладка хелпдеска с аккаунтом клиента и хелпдеск ответит.',
  'options.teamSync.queue.refused':
    '{helpdesk}, аккаунт «{account}», отказал в записи для {n, plural, one {# клиента} few {# клиентов} many {# клиентов} other {# клиента}}:',
  'options.teamSync.queue.reasonCount': '{n, plural, one {# клиент} few {# клиента} many {# клиентов} other {# клиента}}:',
  'options.teamSync.queue.retry': 'Попробовать снова',
  'options.teamSync.queue.retryFor': 'Снова попробовать записать в {helpdesk}, аккаунт «{account}»',
  'options.teamSync.queue.retried': 'Записи в «{account}» пробуют снова — из открытой вкладки этого аккаунта (или как только вы её откроете).',
};
