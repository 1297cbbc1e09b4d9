/**
 * Words that name what a section is for, in the languages roadmaps are written in. Structure decides first
 * (section-shape.ts); these words are the second opinion. Each pattern is anchored on the whole title (after
 * decorative emoji and numbering are stripped), so "Team Collaboration Skills" is not a "Team" section.
 */

/** Tables of contents: English, Portuguese, Spanish, French, German, Italian, Russian, Chinese, Japanese, Korean. */
export const TOC_TITLE =
  /^(?:table of contents|contents|toc|index|outline|tabela de conte[uú]dos?|sum[aá]rio|[ií]ndice|tabla de contenidos?|contenidos?|table des mati[eè]res|sommaire|inhaltsverzeichnis|inhalt|indice|содержание|оглавление|目录|目錄|内容|目次|목차)$/iu;

/**
 * People and project-meta sections: about the repository, not about learning. Kept as information.
 */
export const PROJECT_META_TITLE = new RegExp(
  `^(?:${[
    // English
    String.raw`(?:support|sponsor|back)(?:\s+(?:my|our|the|this)\s+(?:work|project|repo(?:sitory)?))?`,
    String.raw`support\s+(?:me|us)`,
    String.raw`(?:give|leave|drop)\s+(?:(?:it|us|me|this(?:\s+repo(?:sitory)?)?)\s+)?an?\s+star`,
    String.raw`(?:give\s+)?(?:a\s+)?star(?:\s+(?:this|the)\s+repo(?:sitory)?)?`,
    String.raw`star\s+history`,
    'stargazers',
    'sponsors?(?:hip)?',
    String.raw`supported\s+by`,
    'backers',
    'donat(?:e|ions?)',
    String.raw`buy\s+me\s+a\s+coffee`,
    String.raw`(?:(?:our|the|core)\s+)?(?:team|maintainers?|contributors?|authors?|instructors?|teachers?|mentors?|credits?|people)`,
    String.raw`(?:about\s+(?:the|me|us|the\s+authors?|the\s+instructors?))`,
    String.raw`(?:meet\s+the\s+(?:team|instructors?))`,
    String.raw`licen[cs]e(?:\s+and\s+\w+)?`,
    'copyright',
    'disclaimers?',
    String.raw`contribut(?:e|ing|ions?)(?:\s+guide(?:lines)?)?`,
    String.raw`how\s+to\s+contribute`,
    String.raw`code\s+of\s+conduct`,
    'acknowledg(?:e)?ments?',
    String.raw`thanks|special\s+thanks|thank\s+you`,
    String.raw`faq|frequently\s+asked\s+questions|preguntas\s+frecuentes|perguntas\s+frequentes|foire\s+aux\s+questions|h[aä]ufige\s+fragen|часто\s+задаваемые\s+вопросы|常见问题|よくある質問|자주\s*묻는\s*질문|sıkça\s+sorulan\s+sorular`,
    String.raw`(?:course\s+)?staff|cr[eé]ditos|cr[eé]dits|クレジット|鸣谢名单|emeği\s+geçenler|katkıda\s+bulunanlar`,
    'congratulations!*',
    String.raw`pdf(?:\s+version)?|(?:download\s+(?:the\s+)?)?pdf`,
    'translations?',
    'changelog',
    // The environment the repository's code is built in ("编译环境: windows10, VS2017"), not one to set up.
    String.raw`(?:build|compil(?:ation|er))\s+environment|编译环境|構建環境|构建环境|ビルド環境|빌드\s*환경|среда\s+сборки|entorno\s+de\s+compilaci[oó]n`,
    String.raw`change\s*log`,
    // The project's own plans, not the learner's: "Next Goals", "TODO", "Future plans".
    String.raw`(?:next|future)\s+(?:goals|plans)(?:\s+(?:of|for)\s+(?:this|the)\s+(?:project|repo(?:sitory)?))?|todo|to-?do(?:\s+list)?`,
    String.raw`contact(?:\s+(?:me|us))?`,
    String.raw`follow\s+(?:me|us)`,
    String.raw`connect\s+with\s+(?:me|us)`,
    String.raw`share(?:\s+this)?`,
    // Portuguese, Spanish, French, German, Italian
    String.raw`apoie(?:\s+(?:o|este)\s+projeto)?|apoio|patrocinadores|colaboradores|contribuidores|autor(?:es|a)?|licen[çc]a|agradecimentos|contribui(?:ção|ções|ndo|r)|aviso(?:\s+legal)?|parab[eé]ns`,
    String.raw`apoya(?:\s+(?:el|este)\s+proyecto)?|patrocinadores|colaboradores|contribuyentes|autores|licencia|agradecimientos|contribu(?:ir|ciones)|descargo\s+de\s+responsabilidad|felicidades|equipo`,
    'soutien|sponsors|contributeurs|auteurs?|licence|remerciements|contribuer|avertissement|f[eé]licitations|[eé]quipe',
    'unterst[uü]tzung|sponsoren|mitwirkende|autoren|lizenz|danksagung(?:en)?|mitwirken|haftungsausschluss|gl[uü]ckwunsch',
    'sostieni|sponsor|contributori|autori|licenza|ringraziamenti|contribuire',
    // Russian, Chinese, Japanese, Korean
    'поддержка|спонсоры|авторы|лицензия|благодарности|участники|вклад',
    '支持|赞助(?:商|者)?|贊助|赞赏|贡献(?:者|指南)?|貢獻(?:者)?|作者|团队|團隊|许可(?:证)?|授权|許可|致谢|致謝|鸣谢|免责声明|免責聲明|联系(?:我|我们)?|聯繫|关于(?:我|作者)|给个?星|恭喜',
    'ライセンス|謝辞|貢献|作者|スポンサー|免責事項',
    '라이선스|기여(?:하기)?|후원|저자|감사(?:의 말)?|면책',
  ].join('|')})[!.]*$`,
  'iu',
);

/**
 * An introduction or overview, titled by that one word or phrase: "はじめに", "Введение", "Introducción",
 * "概述", "What you'll learn", "学べること" (the English "Introduction" and "Overview" are in classify.ts's
 * INFO). Anchored on the whole title: "Введение в NLP" is a lesson.
 */
export const INTRODUCTION_TITLE = new RegExp(
  `^(?:${[
    'はじめに',
    'введение',
    'вступление',
    'introducción',
    'introdução',
    'introduzione',
    'einführung',
    'einleitung',
    'giriş',
    '简介',
    '介绍',
    '引言',
    '前言',
    '소개',
    '들어가며',
    // what the module teaches: an overview of the lessons, about learning (not about the repository)
    String.raw`what\s+you(?:'|’)?ll\s+learn|what\s+you\s+will\s+learn|lo\s+que\s+aprender[aá]s|o\s+que\s+voc[eê]\s+(?:vai\s+)?aprender[aá]?|ce\s+que\s+vous\s+apprendrez|学べること|你将学到(?:什么)?|что\s+вы\s+узнаете|neler\s+öğreneceksiniz|배울\s+내용`,
    // an overview ("Overview" and "Summary" are in classify.ts's INFO)
    '概述',
    '概要',
    '概览',
    '总览',
    '개요',
    'обзор',
    'resumen',
    'visión general',
    'visão geral',
    'aperçu',
    'überblick',
    'genel bakış',
  ].join('|')})$`,
  'iu',
);

/**
 * The rules of a course (honour code, code style, grading policy): conditions on the work, not work. A page
 * of only these is not a roadmap. Not "Evaluación" or "Оценивание" alone: an exam to sit is work.
 */
export const COURSE_RULES_TITLE = new RegExp(
  `^(?:${[
    String.raw`(?:homework\s+|course\s+|house\s+)?rules`,
    String.raw`academic\s+(?:integrity|honesty)`,
    String.raw`hono(?:u)?r\s+code`,
    String.raw`code\s*style|coding\s+style|style\s+guide|coding\s+(?:conventions|standards)`,
    String.raw`grading(?:\s+policy)?|(?:course\s+)?polic(?:y|ies)`,
    String.raw`правила|академическая\s+честность|оформление\s+кода|стиль\s+кода|критерии\s+оценки`,
    String.raw`reglas|normas|integridad\s+acad[eé]mica|estilo\s+de\s+c[oó]digo|criterios\s+de\s+evaluaci[oó]n|regras|integridade\s+acad[eê]mica`,
    String.raw`r[eè]gles|int[eé]grit[eé]\s+acad[eé]mique|regeln|akademische\s+integrit[aä]t`,
    '规则|规定|学术诚信|代码规范|代码风格|编码规范|评分(?:标准|规则)?',
    'ルール|規則|学術的誠実性|コーディング規約|評価方法',
    String.raw`규칙|학문적\s*정직성|코딩\s*스타일|평가\s*기준`,
    String.raw`kurallar|akademik\s+dürüstlük|kod\s+stili`,
  ].join('|')})$`,
  'iu',
);

/** Prerequisites, titled so in another language ("先决条件"): what to know before, not work of the plan. */
export const PREREQUISITES_TITLE = new RegExp(
  `^(?:${[
    '先决条件|前提条件|先修要求|先修课程要求|预备知识|前置知识',
    '前提知識|必要な知識|前提条件',
    String.raw`선수\s*지식|사전\s*요구\s*사항`,
    String.raw`предварительные\s+требования|пререквизиты|необходимые\s+знания`,
    String.raw`requisitos(?:\s+previos)?|pr[eé]-?requisitos|pr[eé]requis|voraussetzungen|ön\s*koşullar`,
  ].join('|')})$`,
  'iu',
);

/** A community section, titled in another language ("社区"): channels to join, not work (English in classify.ts). */
export const COMMUNITY_TITLE =
  /^(?:社区|社群|社區|コミュニティ|커뮤니티|сообщество|комьюнити|comunidad|comunidade|communaut[eé]|gemeinschaft|topluluk)$/iu;

/**
 * A heading that announces something (a survey, news) rather than names the roadmap: "OSSU 2023 调查". When
 * a centred banner heading follows it, the banner is the title.
 */
export const NOTICE_TITLE =
  /\b(?:survey|census|announcement|notice|news|call\s+for\s+\w+|we(?:'|’)?re\s+hiring)\b|调查|调研|问卷|公告|通知|お知らせ|アンケート|공지|설문|объявление|опрос|anuncio|encuesta|pesquisa|umfrage|sondage|duyuru|anket/iu;

/** A heading that only restates the role (what it takes, not what to do): "Core Competencies". */
export const ROLE_DESCRIPTION_TITLE =
  /\b(?:core\s+competenc\w*|competenc(?:y|ies)|responsibilities|qualifications|job\s+description|required\s+skills|skills\s+required|what\s+(?:companies|employers)\s+(?:look|want))\b/i;

/** Sections of references rather than work: "📚 Resources", "References", "Tech stack", "Further reading". */
export const RESOURCE_TITLE =
  /^(?:(?:additional|extra|more|other|useful|helpful|recommended|learning|online|free|external|further|course|class)\s+)?(?:resources?|references?|links?|materials?|tools?|solutions|soluciones|solu[cç][oõ]es|решения|解答|答案|题解|해답|çözümler|video\s+lectures?|lecture\s+(?:videos|recordings)|recordings|playlists?|tech(?:nology)?\s+stack|stack|further\s+reading|see\s+also|links\s+of\s+interest|interesting\s+links|enlaces(?:\s+(?:de\s+inter[eé]s|[uú]tiles))?|links\s+(?:de\s+inter[eé]s|[uú]teis|interessantes)|liens(?:\s+utiles)?|n[uü]tzliche\s+links|полезные\s+ссылки|有用的链接|役立つリンク|veja\s+tamb[eé]m|ver\s+tambi[eé]n|voir\s+aussi|siehe\s+auch|смотрите\s+также|см\.\s+также|ссылки|ресурсы|литература|参见|另请参阅|関連項目|参照|bibliograph(?:y|ie)|recursos|refer[eê]ncias|referencias|ressources|r[eé]f[eé]rences|quellen|weiterf[uü]hrende\s+links|资源|资料|參考|参考(?:资料|文献)?|相关(?:资源|链接)|リソース|参考資料|자료|참고\s*자료)$/iu;

/** Words that, all together, name an item's material: "YouTube video lecture", "Jupyter notebook files". */
export const ATTACHMENT_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'of',
  'on',
  'for',
  'to',
  'with',
  'this',
  'its',
  'full',
  'official',
  'video',
  'videos',
  'lecture',
  'lectures',
  'youtube',
  'playlist',
  'recording',
  'recordings',
  'audio',
  'slides',
  'slide',
  'deck',
  'notes',
  'note',
  'notebook',
  'notebooks',
  'jupyter',
  'colab',
  'files',
  'file',
  'code',
  'source',
  'repo',
  'repository',
  'github',
  'gitlab',
  'homework',
  'homeworks',
  'assignment',
  'assignments',
  'exercise',
  'exercises',
  'solution',
  'solutions',
  'quiz',
  'article',
  'blog',
  'post',
  'paper',
  'pdf',
  'docs',
  'documentation',
  'link',
  'here',
  'website',
  'site',
  'page',
  'course',
  'transcript',
  'demo',
  'discord',
  'chat',
  'forum',
  'optional',
  'alt',
  'mirror',
  'english',
  'en',
  'ru',
  'zh',
]);

/** Nouns that make a named link material when they end it: "micrograd Github repo", "Lecture 3 slides". */
export const ATTACHMENT_HEADS = new Set([
  'repo',
  'repository',
  'notebook',
  'notebooks',
  'slides',
  'video',
  'videos',
  'playlist',
  'code',
  'files',
  'transcript',
]);

/**
 * The text of a link that is an attachment of the item above it, not an item of its own:
 * "- Linear regression\n  - [Video](…)\n  - [GitHub repository](…)".
 */
export const ATTACHMENT_LINK_TEXT =
  /^(?:(?:the\s+)?(?:video|videos|lecture(?:\s+video)?|slides?|notes?|lecture\s+notes|notebooks?|colab|code|source(?:\s+code)?|repo(?:sitory)?|github(?:\s+repo(?:sitory)?)?|github|gitlab|article|blog(?:\s+post)?|post|docs?|documentation|paper|pdf|link|here|website|site|course\s+page|playlist|youtube|demo|solution|solutions|exercise|homework|assignment|transcript|audio|podcast|reading|视频|代码|笔记|课件|文档|链接|源码|vídeo|video|código|apuntes|diapositivas)(?:\s*\((?:optional|opcional|可选)\))?|\d{1,3})$/iu;

/** Words in prose that make the list or section after it electives: "Choose one of the following". */
export const ELECTIVE_PROSE =
  /\b(?:choose|pick|select)\s+(one|two|three|four|five|\d{1,2}|any\s+\d{1,2}|at\s+least\s+(?:one|two|three|\d{1,2})|some|a\s+few|several|a\s+subset|any)\b(?:\s+(?:or\s+more\s+)?(?:of|from|among)\b)?|\b(?:are|is|as)\s+(?:an?\s+)?electives?\b|\belectives?\s*:|\ba\s+(?:sample|selection)\s+of\s+options\b|\boptional\s+(?:courses|modules|topics|tracks|materials?|content|exercises|chapters|lessons|projects|readings?)\b|\bas\s+an?\s+(?:bonus|extra)\b/i;

/**
 * A section the title calls optional as a whole: "Bonus Material", "Extras", "Material adicional",
 * "Дополнительные материалы", "附加内容". Nothing in it is planned until the learner picks it.
 */
export const OPTIONAL_SECTION_TITLE =
  /^(?:(?:bonus|optional|extra)(?:\s+(?:material|materials|content|exercises|chapters?|lessons?|topics|reading|readings|projects?))?|extras|extra\s+credit|material(?:es)?\s+(?:adicional(?:es)?|extra|opcional(?:es)?)|conte[uú]do\s+(?:b[oô]nus|extra|opcional)|mat[eé]riel\s+(?:bonus|suppl[eé]mentaire)|bonusmaterial|zusatzmaterial|дополнительн(?:ые|о|ый)(?:\s+материалы?)?|бонус(?:ы|ные\s+материалы)?|附加(?:内容|材料)?|额外(?:内容|材料)|可选(?:内容|材料)?|番外|おまけ|보너스(?:\s*자료)?)$/iu;

/** "(optional)", "[optional]", "(opcional)", "（可选）": one optional item, left out of the plan until included. */
export const OPTIONAL_MARKER =
  /[[(（]\s*(?:optional|opcional|facultatif|optionnel|optional\s+reading|bonus|extra|recommended\s+but\s+optional|nice\s+to\s+have|可选|選修|选修|任意)\s*[\])）]/iu;

/** "[personal recommendation]": the author's pick among alternatives, which makes the list a choice of one. */
export const RECOMMENDED_MARKER =
  /[[(（]\s*(?:personal\s+recommendation|my\s+recommendation|recommended|top\s+pick|推荐|recomendado|recomendação)\s*[\])）]/iu;

/**
 * A sentence in a list of instructions that advises rather than asks for work: a note, a condition, what
 * the learner cannot or need not do, what exists ("Some links … are no longer working", "If you are stuck,
 * ask in the chat", "You won't be able to submit…"). Steps ("After Week 6A, do the space invaders
 * problem") start otherwise. Read only on sentences (see classify.ts), never on a task's title.
 */
export const ADVICE_SENTENCE = new RegExp(
  `^(?:${[
    // "Note:", "Tip:" in English, Spanish, Portuguese, French, German, Russian, Chinese, Japanese, Korean
    String.raw`(?:note|tip|hint|nota|consejo|dica|remarque|hinweis|примечание|замечание|совет|注意|提示|备注|ヒント|メモ|참고|팁)\s*[:：]`,
    // a condition or a concession: "If you are stuck…", "While there are ways…" (not "If statements",
    // "While loops and iterators": topics of a programming roadmap)
    String.raw`(?:if|while|unless|in\s+case)\s+(?:you|your|the|there|it|this|that|we|they|for|a|an|some|any|something|anything)\b`,
    String.raw`(?:although|though)\b`,
    String.raw`(?:si|aunque|se|embora|wenn|falls|obwohl|если|хотя)\s`,
    '如果|虽然|尽管|もし|만약',
    // what the learner cannot or need not do
    String.raw`you\s+(?:won'?t|will\s+not|can'?t|cannot|can\s+not|don'?t\s+(?:need|have)\s+to|do\s+not\s+(?:need|have)\s+to|needn'?t)\b`,
    // what exists or no longer works
    String.raw`there\s+(?:is|are)\b`,
    String.raw`some\s[^.]{0,80}?\b(?:is|are)\s+no\s+longer\b`,
  ].join('|')})`,
  'iu',
);

/**
 * A slot the author has not filled yet: "week12-13 - TBA", "Coming soon", "待定". Nothing to do until it
 * is written; matched on what is left of the title once its schedule label is taken off.
 */
export const PLACEHOLDER_TITLE =
  /^(?:tba|tbd|tbc|to\s+be\s+(?:announced|determined|decided|confirmed|added|written)|coming\s+soon|work\s+in\s+progress|wip|pr[oó]ximamente|em\s+breve|a\s+definir|por\s+definir|[àa]\s+venir|bient[oô]t|demn[aä]chst|folgt|скоро|будет\s+позже|待定|敬请期待|即将推出|近日公開|準備中|준비\s*중)[.!…]*$/iu;

/**
 * The author introducing themselves ("Hola, mi nombre es Brais Moure", "Hi, I'm Ana", "Меня зовут…"):
 * a section about a person, found anywhere in the title (a greeting or a profile picture may come first).
 */
export const AUTHOR_INTRO =
  /\b(?:my\s+name\s+is|mi\s+nombre\s+es|me\s+llamo|meu\s+nome\s+[eé]|je\s+m['’]appelle|ich\s+hei(?:ße|sse)|mi\s+chiamo|hi,?\s+i['’]?m|hello,?\s+i['’]?m)\b|меня\s+зовут|我叫|私の名前は|제\s*이름은/iu;

/**
 * A word each AUTHOR_INTRO phrase contains, in letters that match only themselves under /iu: a plain test
 * that rules out most titles before AUTHOR_INTRO's Unicode-aware \b is tried at every position.
 */
const AUTHOR_INTRO_WORD = /name|nombre|llamo|nome|appelle|hei|chiamo|hi,?\s+i|hello|меня|我叫|私の名前は|제/i;

export function isAuthorIntro(title: string): boolean {
  return AUTHOR_INTRO_WORD.test(title) && AUTHOR_INTRO.test(title);
}

/**
 * Sections that each start "If you choose …": alternative paths, of which the learner follows one.
 */
export const ALTERNATIVE_PATH_TITLE =
  /^(?:if\s+you\s+(?:choose|chose|pick|go\s+(?:with|for)|prefer|opt\s+for)|si\s+(?:eliges|escoges|prefieres|optas\s+por)|se\s+(?:voc[eê]\s+)?(?:escolher|preferir|optar\s+por)|si\s+vous\s+(?:choisissez|pr[eé]f[eé]rez)|wenn\s+du\s+(?:dich\s+f[uü]r|w[aä]hlst)|если\s+(?:вы\s+)?(?:выбрали|выберете|выбираете)|如果(?:你)?选择|選んだ場合)/iu;

/**
 * A list introduced as what the learner can do at the end, not as what to do: "Phase 1 Success Criteria:",
 * "By the end you will be able to:", "Criterios de éxito:". Outcomes to check against, not work.
 */
export const OUTCOME_INTRO =
  /\b(?:success\s+criteria|exit\s+criteria|completion\s+criteria|definition\s+of\s+done|you\s+(?:should|will)\s+(?:now\s+)?be\s+able\s+to|by\s+the\s+end\b[^.]*\byou\s+(?:will|should|can)|criterios\s+de\s+(?:[eé]xito|finalizaci[oó]n)|crit[eé]rios\s+de\s+(?:sucesso|conclus[aã]o)|crit[eè]res\s+de\s+(?:r[eé]ussite|succ[eè]s)|erfolgskriterien|критерии\s+(?:успеха|завершения))\b|成功标准|完成标准|達成基準|성공\s*기준/iu;

/** How to work through the material, not material: "Instructions", "How to use this guide", "使用说明". */
export const INSTRUCTIONS_TITLE =
  /^(?:instructions|how\s+to\s+(?:use|follow|take|study|work\s+through)(?:\s+(?:this|the)\s+(?:guide|course|repo(?:sitory)?|curriculum|roadmap|page))?|instrucciones|c[oó]mo\s+usar(?:\s+(?:esta|este)\s+\w+)?|instru[çc][õo]es|como\s+usar(?:\s+(?:este|esta)\s+\w+)?|mode\s+d['’]emploi|comment\s+utiliser(?:\s+ce\s+\w+)?|anleitung|so\s+benutzt\s+du\s+\w+|инструкци[яи]|как\s+(?:пользоваться|проходить)(?:\s+\S+)?|使用说明|说明|如何使用(?:本\S+)?|使い方|사용\s*방법)$/iu;

/**
 * A step naming a numbered part of a course's schedule to do: "Work through Week 1A to Week 6A", "Lecture 3",
 * "Semana 2", "Неделя 4", "第3周". Read on the steps of an "Instructions" section (classify.ts).
 */
export const SCHEDULED_PART =
  /(?:^|[^\p{L}])(?:weeks?|days?|modules?|lectures?|lessons?|units?|chapters?|sprints?|semanas?|d[ií]as?|m[oó]dulos?|clases?|lecci[oó]n(?:es)?|aulas?|semaines?|jours?|le[çc]ons?|wochen?|tage?|lektion(?:en)?|kapitel|недел[яиюе]|дн[яи]|день|модул[ьяи]|лекци[яи]|урок[аи]?|глав[аы])\s*\d{1,3}[a-z]?(?![\p{L}\d])|第\s*\d{1,3}\s*[天周週月课課章讲講]/iu;

/**
 * The words of a link naming an assignment: "do the [space invaders problem](…)", "[Project 2](…)",
 * "[tarea 1](…)". An instruction that links its assignment by name gives the learner a piece of work.
 */
export const ASSIGNMENT_WORD =
  /\b(?:problems?|problem\s+sets?|psets?|projects?|assignments?|exercises?|homeworks?|labs?|tareas?|proyectos?|ejercicios?|projetos?|devoirs?|projets?|exercices?|aufgaben?|projekte?)\b|pr[aá]cticas?|exerc[ií]cios?|übung(?:en)?|задани[еяй]|проект|упражнени[еяй]|作业|项目|练习|練習|課題|과제|프로젝트/iu;

/**
 * "**Course Link:** <https://…>" before the first heading: a page about one course, which is the work
 * when the page holds no other.
 */
export const COURSE_LINK_LABEL =
  /^(?:course\s+(?:link|page|website|url)|link\s+to\s+the\s+course|enlace\s+(?:al|del)\s+curso|link\s+do\s+curso|lien\s+(?:du|vers\s+le)\s+cours|link\s+zum\s+kurs|ссылка\s+на\s+курс|课程(?:链接|地址|主页)|コース(?:リンク|ページ)|강의\s*링크)(?:\s*\([^)]{0,40}\))?\s*[:：]/iu;

/**
 * A heading naming one act of deploying, publishing or installing ("Deploy your Terrarium", "Instalación"):
 * the steps listed beneath are how to do that one task, not tasks of their own.
 */
export const PROCEDURE_TITLE =
  /^(?:deploy(?:ing|ment)?|publish(?:ing)?|host(?:ing)?|install(?:ing|ation)?|set\s*up|setup|desplegar|despliegue|publicar|instalar|instalaci[oó]n|implantar|implanta[çc][aã]o|instala[çc][aã]o|d[eé]ployer|d[eé]ploiement|installer|publier|installation|bereitstellen|ver[oö]ffentlichen|installieren|развертывание|развернуть|установка|публикация|部署|发布|安装|デプロイ|インストール|배포|설치)\b/iu;

/** Prose that offers rather than asks: "You can deploy …", "Puedes publicar …". What follows is optional. */
export const OFFER_PROSE =
  /\b(?:you\s+(?:can|may|could)|if\s+you\s+(?:want|like|wish)|optionally|puedes|podr[aá]s|si\s+quieres|voc[eê]\s+pode|se\s+quiser|vous\s+pouvez|du\s+kannst|если\s+хотите|можно)\b|可以|如果你想/iu;

/**
 * A list introduced as advice about how to study, not as things to study: "Here are some tips about how you
 * can do that:", "Algunos consejos:", "Quelques conseils :". Information beside the work.
 */
export const ADVICE_INTRO =
  /\b(?:(?:some|a\s+few|here\s+are(?:\s+some)?)\s+(?:tips|hints|pieces\s+of\s+advice)|tips\s+(?:about|on|for)\s+how|(?:algunos|unos)\s+consejos|algumas\s+dicas|quelques\s+conseils|einige\s+tipps|несколько\s+советов)\b|一些(?:建议|提示|技巧)|いくつかのヒント|몇\s*가지\s*팁/iu;

/**
 * A roadmap whose title asks the learner to choose a route ("Choose your learning path", "选择适合你的学习
 * 路线", "Elige tu ruta"): its top sections holding work are alternative routes through it, one followed.
 */
export const ROUTE_CHOICE_TITLE =
  /\b(?:choose|pick|select)\s+(?:your|a|the|one)\s+(?:[\p{L}-]+\s+){0,3}(?:path|route|track)s?\b|\b(?:elige|escoge)\s+tu\s+(?:ruta|camino|itinerario)\b|\bescolha\s+(?:sua|seu|a|o)\s+(?:trilha|caminho|rota)\b|\bchoisissez\s+votre\s+(?:parcours|chemin|itin[eé]raire)\b|\bw[aä]hle\s+deinen\s+(?:weg|pfad|lernpfad)\b|\bвыберите\s+(?:свой\s+)?(?:путь|маршрут|трек)\b|选择.{0,10}(?:路线|路径)|選擇.{0,10}(?:路線|路徑)|(?:ルート|コース)を選/iu;

/** A piece of each ROUTE_CHOICE_TITLE phrase, in letters that match only themselves under /iu: a plain test first. */
const ROUTE_CHOICE_WORD = /cho|pic|elect|elig|coge|colha|deinen|бери|选择|選擇|を選/i;

export function isRouteChoiceTitle(title: string): boolean {
  return ROUTE_CHOICE_WORD.test(title) && ROUTE_CHOICE_TITLE.test(title);
}
