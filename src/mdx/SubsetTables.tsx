// <SubsetTables lang="en" />: the lists of what a learner can write here, read from the front ends'
// own tables (src/sim/subset.ts), so the page "What you can write here" cannot drift from them.
import {
  CODON_EXPRESSIONS,
  CODON_STATEMENTS,
  CPP_DECLARATIONS,
  CPP_STATEMENTS,
  subsetCatalogue,
} from '../sim/subset';
import { translator, type Locale } from '../i18n';

type KindNames<T> = Record<keyof T, string>;

/**
 * The kinds' names on the Chinese page (the English page shows the front ends' own kind names, which
 * read as English words). Typed by the tables, so a new kind cannot go unnamed.
 */
export const KIND_NAMES_ZH: {
  codonStatements: KindNames<typeof CODON_STATEMENTS>;
  codonExpressions: KindNames<typeof CODON_EXPRESSIONS>;
  cppStatements: KindNames<typeof CPP_STATEMENTS>;
  cppDeclarations: KindNames<typeof CPP_DECLARATIONS>;
} = {
  codonStatements: {
    assign: '赋值',
    augassign: '复合赋值',
    expr: '表达式语句',
    if: 'if 语句',
    while: 'while 循环',
    for: 'for 循环',
    break: 'break 语句',
    continue: 'continue 语句',
    pass: 'pass 语句',
    return: 'return 语句',
    def: '函数定义',
    class: '类定义',
    cimport: '从 C 导入',
    try: 'try 语句（捕获 CError）',
  },
  codonExpressions: {
    name: '名字',
    int: '整数',
    float: '浮点数',
    str: '字符串',
    bool: '布尔值',
    none: 'None',
    unary: '一元运算',
    binary: '二元运算',
    compare: '比较',
    boolop: '逻辑运算',
    call: '调用',
    index: '下标',
    attr: '属性',
    list: '列表',
    listcomp: '列表推导式',
    ifexp: '条件表达式',
    slice: '切片',
    fstring: 'f-string',
    tuple: '元组',
    set: '集合字面量',
    dict: '字典字面量',
  },
  cppStatements: {
    block: '语句块',
    'var-decl': '变量声明',
    expr: '表达式语句',
    if: 'if 语句',
    while: 'while 循环',
    'do-while': 'do-while 循环',
    for: 'for 循环',
    return: 'return 语句',
    break: 'break 语句',
    continue: 'continue 语句',
    empty: '空语句',
  },
  cppDeclarations: {
    'simple-decl': '普通声明',
    namespace: '命名空间',
    'linkage-block': '链接规范块',
    'using-directive': 'using 指令',
    'using-decl': 'using 声明',
    alias: '类型别名',
    'static-assert': '静态断言',
    template: '模板',
    empty: '空声明',
  },
};

function Codes({ items }: { items: readonly string[] }) {
  return (
    <ul className="subset__codes">
      {items.map((s) => (
        <li key={s}>
          <code>{s}</code>
        </li>
      ))}
    </ul>
  );
}

/** Statement or expression kinds, each with the forms a learner writes. */
function Forms({
  forms,
  names,
}: {
  forms: Readonly<Record<string, readonly string[]>>;
  names: Readonly<Record<string, string>> | null;
}) {
  return (
    <dl className="subset__forms">
      {Object.entries(forms).map(([kind, examples]) => (
        <div key={kind} data-kind={kind}>
          <dt>{names?.[kind] ?? kind}</dt>
          <dd>
            {examples.map((s) => (
              <code key={s}>{s}</code>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function SubsetTables({ lang = 'en' }: { lang?: Locale }) {
  const t = translator(lang);
  const c = subsetCatalogue();
  const names = lang === 'zh' ? KIND_NAMES_ZH : null;
  return (
    <div className="subset" data-testid="subset-tables">
      <h2 id="codon">{t('subset.codon')}</h2>
      <h3>{t('subset.statements')}</h3>
      <Forms forms={c.codon.statements} names={names?.codonStatements ?? null} />
      <h3>{t('subset.expressions')}</h3>
      <Forms forms={c.codon.expressions} names={names?.codonExpressions ?? null} />
      <h3>{t('subset.codon.builtins')}</h3>
      <Codes items={c.codon.builtins} />
      <h3>{t('subset.codon.types')}</h3>
      <Codes items={c.codon.types} />
      <h3>{t('subset.codon.refused')}</h3>
      <Codes items={c.codon.refusedBuiltins} />
      <p>{t('subset.codon.refused-ptr')}</p>
      <Codes items={c.codon.refusedPtrMethods} />
      <h2 id="cpp">{t('subset.cpp')}</h2>
      <h3>{t('subset.declarations')}</h3>
      <Forms forms={c.cpp.declarations} names={names?.cppDeclarations ?? null} />
      <h3>{t('subset.statements')}</h3>
      <Forms forms={c.cpp.statements} names={names?.cppStatements ?? null} />
      <h3>{t('subset.cpp.c-functions')}</h3>
      <Codes items={c.cpp.cFunctions} />
      <h3>{t('subset.cpp.std-functions')}</h3>
      <Codes items={c.cpp.stdFunctions} />
      <h3>{t('subset.cpp.std-classes')}</h3>
      <dl className="subset__forms">
        {c.cpp.stdClasses.map((k) => (
          <div key={k.name}>
            <dt>
              <code>{k.name}</code>
            </dt>
            <dd>
              {k.members.length === 0
                ? t('subset.cpp.no-members')
                : k.members.map((m) => <code key={m}>{m}</code>)}
            </dd>
          </div>
        ))}
      </dl>
      <p>{t('subset.cpp.refused-c', { n: c.cpp.refusedCFunctionCount })}</p>
    </div>
  );
}
