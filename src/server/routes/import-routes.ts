/**
 * Importing from the dashboard (`waymark import` over HTTP): the bundled roadmaps to pick from, and one
 * write route that takes a bundled roadmap, a file by its path on this machine, or an uploaded file's text,
 * through the same import service as the CLI. Bad input is a 400 that says what, where and what to do.
 */
import { extname, isAbsolute } from 'node:path';
import { listBundledRoadmaps } from '../../app/bundled-roadmaps.js';
import { importReport } from '../../app/import-report.js';
import { importRoadmapFile, importRoadmapUpload } from '../../app/import-service.js';
import { inputError, WaymarkError } from '../../core/errors.js';
import { route } from '../route.js';
import { importBody, MAX_IMPORT_BODY_BYTES } from '../schemas.js';

/** What a roadmap file may be called: Markdown, or plain text holding Markdown. */
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.txt']);

function assertMarkdownName(name: string, where: string): void {
  const extension = extname(name).toLowerCase();
  if (MARKDOWN_EXTENSIONS.has(extension)) return;
  throw inputError(
    `${where}: "${name}" is not a Markdown file (${extension ? `a ${extension} file` : 'it has no extension'}); Waymark imports roadmaps written in Markdown.`,
    'Pick a .md file (a roadmap saved as Markdown), or one of the bundled roadmaps.',
  );
}

/** The file reader's hints name `waymark import --list`; from the page, say what to do on the page. */
function withWebHint<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof WaymarkError && error.hint?.includes('waymark import'))
      throw new WaymarkError(
        error.code,
        error.message,
        'Check the full path of your .md file, upload the file instead, or pick a bundled roadmap.',
      );
    throw error;
  }
}

export const importRoutes = [
  route({
    method: 'get',
    path: '/api/bundled-roadmaps',
    tag: 'import',
    summary: 'The roadmaps shipped with Waymark, by name (`waymark import --list`)',
    responseDescription: '{ roadmaps: [{ name }] }',
    handle: () => ({ roadmaps: listBundledRoadmaps().map(({ name }) => ({ name })) }),
  }),
  route({
    method: 'post',
    path: '/api/import',
    tag: 'import',
    body: importBody,
    status: 201,
    bodyLimitBytes: MAX_IMPORT_BODY_BYTES,
    summary:
      'Import a bundled roadmap, a Markdown file by its path, or an uploaded file; a file imported before is re-imported, keeping its progress',
    responseDescription:
      '{ ...the `waymark import --json` report (id, title, created, counts, verdict…), warnings: [{line?, message}] }',
    handle: ({ workspace, body }) => {
      const b = body as { bundled?: string; path?: string; upload?: { name: string; text: string } };
      let summary: ReturnType<typeof importRoadmapFile>;
      if (b.upload !== undefined) {
        assertMarkdownName(b.upload.name, 'upload.name');
        summary = importRoadmapUpload(workspace, b.upload);
      } else if (b.path !== undefined) {
        if (!isAbsolute(b.path))
          throw inputError(
            `path: "${b.path}" is not a full path; the server does not know which folder it is relative to.`,
            'Give the full path, starting with / (for example /home/you/roadmaps/my-roadmap.md).',
          );
        assertMarkdownName(b.path, 'path');
        summary = withWebHint(() => importRoadmapFile(workspace, b.path as string));
      } else {
        const name = b.bundled as string;
        const bundled = listBundledRoadmaps();
        const found = bundled.find((roadmap) => roadmap.name === name);
        if (!found)
          throw inputError(
            `bundled: there is no bundled roadmap "${name}".`,
            `Pick one of: ${bundled.map((roadmap) => roadmap.name).join(', ')}.`,
          );
        summary = importRoadmapFile(workspace, found.path);
      }
      return {
        ...importReport(workspace, summary),
        warnings: summary.warnings.map((warning) => ({
          ...(warning.line ? { line: warning.line } : {}),
          message: warning.message,
        })),
      };
    },
  }),
];
