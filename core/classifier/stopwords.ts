import { stem } from './text';

// Function words and greetings carry no sign of a client's type; learning skips them, evidence does not show
// them, and topic checks ignore them.
const WORDS = `и в во не на я он она они мы вы ты что как а но да к ко с со у о об от до по за из для это этот эта эти то так
же ли бы вот уже еще ещё или если когда где там тут мне меня мой моя мои ваш ваша ваши вас вам вами его ее её их им
был была было были быть есть будет все всё всех весь при про под над чтобы только очень можно нужно надо
the a an and or but if of to in on at by for with from as is are was were be been being it its this that these
those i me my we our you your he she they them their his her not no do does did have has had will would can could
should may might there here what which who whom when where why how all any some just also than then so very too
about into over after before up down out please hi hello thanks thank
здравствуйте здравствуй привет добрый доброе доброго день вечер утро спасибо пожалуйста уважением уважаемый уважаемая
hey dear good morning afternoon evening regards sincerely cheers`;

const STOP = new Set(
  WORDS.split(/\s+/)
    .filter(Boolean)
    .map((w) => stem(w)),
);

export const isStopStem = (s: string) => STOP.has(s);
