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
    String.raw`what\s+you(?:'|’)?ll\s+learn|what\s+you\s+will\s+learn|lo\s+que\s+aprender[aá]s|o\s+que\s+voc[eê]\s+(?:vai\s+)?aprender[aá]?|ce\s+que\s+vous\s+apprendrez|学べること|你将学到(?:什么)?|что\s+вы\s+узнаете|neler\s+öğreneceksiniz|배울\s+내용`,
    'congratulations!*',
    String.raw`pdf(?:\s+version)?|(?:download\s+(?:the\s+)?)?pdf`,
    'translations?',
    'changelog',
    // The environment the repository's code is built in ("编译环境: windows10, VS2017"), not one to set up.
    String.raw`(?:build|compil(?:ation|er))\s+environment|编译环境|構建環境|构建环境|ビルド環境|빌드\s*환경|среда\s+сборки|entorno\s+de\s+compilaci[oó]n`,
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
 * An introduction or overview, titled by that one word: "はじめに", "Введение", "Introducción", "概述" (the
 * English "Introduction" and "Overview" are in classify.ts's INFO). Anchored on the whole title: "Введение
 * в NLP" is a lesson.
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
  /^(?:(?:additional|extra|more|other|useful|helpful|recommended|learning|online|free|external|further)\s+)?(?:resources?|references?|links?|materials?|tools?|solutions|soluciones|solu[cç][oõ]es|решения|解答|答案|题解|해답|çözümler|tech(?:nology)?\s+stack|stack|further\s+reading|see\s+also|veja\s+tamb[eé]m|ver\s+tambi[eé]n|voir\s+aussi|siehe\s+auch|смотрите\s+также|см\.\s+также|ссылки|ресурсы|литература|参见|另请参阅|関連項目|参照|bibliograph(?:y|ie)|recursos|refer[eê]ncias|referencias|ressources|r[eé]f[eé]rences|quellen|weiterf[uü]hrende\s+links|资源|资料|參考|参考(?:资料|文献)?|相关(?:资源|链接)|リソース|参考資料|자료|참고\s*자료)$/iu;

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

/**
 * The text of a link that is an attachment of the item above it, not an item of its own:
 * "- Linear regression\n  - [Video](…)\n  - [GitHub repository](…)".
 */
export const ATTACHMENT_LINK_TEXT =
  /^(?:(?:the\s+)?(?:video|videos|lecture(?:\s+video)?|slides?|notes?|lecture\s+notes|notebooks?|colab|code|source(?:\s+code)?|repo(?:sitory)?|github(?:\s+repo(?:sitory)?)?|github|gitlab|article|blog(?:\s+post)?|post|docs?|documentation|paper|pdf|link|here|website|site|course\s+page|playlist|youtube|demo|solution|solutions|exercise|homework|assignment|transcript|audio|podcast|reading|视频|代码|笔记|课件|文档|链接|源码|vídeo|video|código|apuntes|diapositivas)(?:\s*\((?:optional|opcional|可选)\))?|\d{1,3})$/iu;

/** Words in prose that make the list or section after it electives: "Choose one of the following". */
export const ELECTIVE_PROSE =
  /\b(?:choose|pick|select)\s+(one|two|three|four|five|\d{1,2}|any\s+\d{1,2}|at\s+least\s+(?:one|two|three|\d{1,2})|some|a\s+few|several|a\s+subset|any)\b(?:\s+(?:or\s+more\s+)?(?:of|from|among)\b)?|\b(?:are|is|as)\s+(?:an?\s+)?electives?\b|\belectives?\s*:|\ba\s+(?:sample|selection)\s+of\s+options\b|\boptional\s+(?:courses|modules|topics|tracks)\b/i;

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
