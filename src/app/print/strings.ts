// The handout's own words, in English and Simplified Chinese. They load with the handout, not with the
// site's first paint; everything else (widget names, target and leftover names) comes from src/i18n.
import { useMemo } from 'react';
import { translate, type Locale, type UiKey } from '../../i18n';
import { usePlayer } from '../context';

const en = {
  'print.toolbar': 'Handout',
  'print.back': 'Back to the lesson',
  'print.print': 'Print',
  'print.preparing': 'Preparing the handout: running the lesson’s programs on the simulator…',
  'print.ready': 'The handout is ready to print.',
  'print.heading': '{site} · handout',
  'print.online': 'Online: {url}',
  'print.real-runs':
    'Every picture of the machine in this handout is drawn from a real run of the program on the simulator, at the step its caption names.',
  'print.running': 'Running “{title}” on the simulator…',
  'print.run-failed': 'This program did not run: {message}',
  'print.same-code': 'Its code is printed above.',
  'print.same-run': 'The same program, with the same settings, as the playground “{title}” above.',
  'print.outcome.ok': 'The run ends normally.',
  'print.outcome.crash': 'The run crashes with {signal}.',
  'print.outcome.compile-error': 'The code does not compile.',
  'print.outcome.runtime-error': 'The run stops with an error.',
  'print.outcome.step-limit': 'The run is stopped after too many steps.',
  'print.output': 'It prints:',
  'print.no-output': 'It prints nothing.',
  'print.findings': 'The simulator reports:',
  'print.moment.call': 'The foreign call begins',
  'print.moment.callee-write': 'Inside the callee: its first store',
  'print.moment.call-return': 'Back in Codon after the call',
  'print.moment.before-print': 'Just before the first print',
  'print.moment.first-print': 'The first print',
  'print.moment.frame-dies': 'A C++ frame ends',
  'print.moment.gc': 'The garbage collector runs',
  'print.moment.crash': 'The crash',
  'print.moment.end': 'The end of the run',
  'print.moment.question': 'question {n} stops here',
  'print.question': 'Question {n}',
  'print.answer-later': 'Tick your answer. The answer is at the end of the handout.',
  'print.answers': 'Answers',
  'print.answer.right': 'Right:',
  'print.compare': 'Side by side: “{a}” and “{b}”',
  'print.compare.above': 'The machine of “{title}” at that moment is drawn above, at step {step}.',
  'print.exercise.start': 'The code to start from:',
  'print.exercise.hints': 'Hints',
  'print.terms': 'Terms used in this lesson',
  'print.key': 'Key to the diagrams',
} as const;

export type PrintKey = keyof typeof en;

const zh: Record<PrintKey, string> = {
  'print.toolbar': '讲义',
  'print.back': '回到这一课',
  'print.print': '打印',
  'print.preparing': '正在准备讲义：在模拟器上运行这一课的程序…',
  'print.ready': '讲义已准备好，可以打印。',
  'print.heading': '{site} · 讲义',
  'print.online': '在线版本：{url}',
  'print.real-runs': '本讲义中每一幅机器示意图，都取自程序在模拟器上的真实运行，画的是图注所写的那一步。',
  'print.running': '正在模拟器上运行“{title}”…',
  'print.run-failed': '这个程序没能运行：{message}',
  'print.same-code': '代码见上文。',
  'print.same-run': '与上面的实验台“{title}”是同一个程序，设置也相同。',
  'print.outcome.ok': '程序正常结束。',
  'print.outcome.crash': '程序因 {signal} 崩溃。',
  'print.outcome.compile-error': '代码无法编译。',
  'print.outcome.runtime-error': '程序因错误而停止。',
  'print.outcome.step-limit': '程序运行的步数太多，被停了下来。',
  'print.output': '输出：',
  'print.no-output': '没有任何输出。',
  'print.findings': '模拟器报告：',
  'print.moment.call': '跨语言调用开始',
  'print.moment.callee-write': '进入被调用者：它的第一次写入',
  'print.moment.call-return': '调用结束，回到 Codon',
  'print.moment.before-print': '第一次 print 之前',
  'print.moment.first-print': '第一次 print',
  'print.moment.frame-dies': '一个 C++ 栈帧结束',
  'print.moment.gc': '垃圾回收器运行',
  'print.moment.crash': '崩溃',
  'print.moment.end': '运行结束',
  'print.moment.question': '第 {n} 题停在这里',
  'print.question': '第 {n} 题',
  'print.answer-later': '请勾选你的答案。答案在讲义末尾。',
  'print.answers': '答案',
  'print.answer.right': '正确答案：',
  'print.compare': '并排对照：“{a}”与“{b}”',
  'print.compare.above': '“{title}”在这一刻的机器示意图见上文，第 {step} 步。',
  'print.exercise.start': '起始代码：',
  'print.exercise.hints': '提示',
  'print.terms': '本课用到的术语',
  'print.key': '示意图图例',
};

export const PRINT_STRINGS: Record<Locale, Record<PrintKey, string>> = { en, zh };

/** Translates a handout key, or any key of the site's catalogue. */
export type HandoutTranslate = (key: PrintKey | UiKey, params?: Record<string, string | number>) => string;

/** The translator for `locale`. */
export function handoutTranslator(locale: Locale): HandoutTranslate {
  return (key, params) => {
    if (!(key in en)) return translate(locale, key as UiKey, params);
    const template = PRINT_STRINGS[locale][key as PrintKey] ?? en[key as PrintKey];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params?.[name] === undefined ? whole : String(params[name]),
    );
  };
}

/** The translator in the page's language. */
export function useHandoutT(): HandoutTranslate {
  const locale = usePlayer((s) => s.locale);
  return useMemo(() => handoutTranslator(locale), [locale]);
}
