import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSandbox, apiSandbox, type Json } from './api-harness.js';

/**
 * GET /api/overview answers the dashboard's three questions per roadmap from one plan, and must say exactly
 * what the dedicated views say (plan, today, review, burn-up, roadmaps); POST /api/import imports from the
 * dashboard's empty state through the CLI's import service, refusing bad input with a 400 that says why.
 */
describe('GET /api/overview', () => {
  let s: ApiSandbox;
  beforeAll(async () => {
    s = apiSandbox(['ai-engineer', 'dev-to-ai-engineer']);
    const write = async (method: string, path: string, body: unknown) => {
      const response = await s.send(method, path, body);
      expect(response.status, JSON.stringify(response.json)).toBeLessThan(300);
    };
    await write('PUT', '/api/settings', { capacity: { hoursByWeekday: [1, 2, 2, 2, 2, 2, 1], daysOff: [] } });
    await write('PUT', '/api/settings/ai-engineer', { targetDate: '2027-06-01' });
    await write('POST', '/api/status', { items: ['ai-engineer:1.1.1'], status: 'done', at: '2026-10-01' });
    await write('POST', '/api/status', { items: ['ai-engineer:1.1.2'], status: 'doing', at: '2026-11-10' });
    await write('POST', '/api/log', { duration: '40m', item: 'ai-engineer:1.1.2', at: '2026-11-20T09:00' });
    await write('POST', '/api/log', { duration: '1h', item: 'ai-engineer:1.1.2', at: '2026-11-19T09:00' });
  });
  afterAll(() => s.cleanup());

  it('gives every roadmap the same numbers as the views it summarizes', async () => {
    const { status, json: overview } = await s.get('/api/overview');
    expect(status).toBe(200);
    const roadmaps = (await s.get('/api/roadmaps')).json as Json[];
    const today = (await s.get('/api/today')).json;
    const due = (await s.get('/api/review/due')).json;
    expect(overview.today).toBe('2026-11-20');
    expect(overview.roadmaps.map((r: Json) => r.id)).toEqual(roadmaps.map((r) => r.id));
    for (const roadmap of overview.roadmaps as Json[]) {
      const {
        today: _today,
        forecast,
        plan: _plan,
        burnup,
        paused: _p,
        nothingLeft: _n,
        ...summary
      } = roadmap;
      // Progress by effort: the summary of GET /api/roadmaps, field for field.
      expect(summary).toEqual(roadmaps.find((r) => r.id === roadmap.id));
      // Today's work: the agenda's minutes and the review queue's count.
      const agenda = today.roadmaps.find((r: Json) => r.roadmapId === roadmap.id);
      expect(roadmap.today.plannedMinutes).toBe(agenda.plannedMinutes);
      expect(roadmap.today.reviewsDue).toBe(
        due.cards.filter((card: Json) => card.roadmapId === roadmap.id).length,
      );
      // The verdict: the plan's forecast object itself, so its line is the one `plan` and `today` print.
      const plan = (await s.get(`/api/roadmaps/${roadmap.id}/plan`)).json;
      expect(forecast).toEqual(plan.forecast);
      expect(forecast.summary).toBe(agenda.status);
      expect(roadmap.plan.finish).toEqual(plan.finish);
      for (const phase of plan.phases.filter((p: Json) => !p.done))
        expect(roadmap.plan.phaseEnds[phase.id]).toBe(phase.end);
      expect(burnup).toEqual((await s.get(`/api/roadmaps/${roadmap.id}/burnup`)).json);
    }
    expect(overview.day.plannedMinutes).toBe(today.plannedMinutes);
    expect(overview.day.capacityMinutes).toBe(today.capacityMinutes);
    expect(overview.reviewsDue).toBe(due.cards.length);
  });

  it("counts today's logged time on the learner's day only", async () => {
    const { json } = await s.get('/api/overview');
    const engineer = json.roadmaps.find((r: Json) => r.id === 'ai-engineer');
    expect(engineer.today.loggedMinutes).toBe(40);
    expect(json.day.loggedMinutes).toBe(40);
    expect(engineer.forecast.verdict).toMatchObject({ target: '2027-06-01' });
    expect(engineer.forecast.summary).toMatch(/chance to finish by 2027-06-01/);
    expect(engineer.burnup.target).toBe('2027-06-01');
    expect(engineer.burnup.today).toBe('2026-11-20');
  });

  it('lists a paused roadmap with its progress and no forecast', async () => {
    const paused = await s.send('PUT', '/api/settings/dev-to-ai-engineer', { paused: true });
    expect(paused.status, JSON.stringify(paused.json)).toBe(200);
    const { json } = await s.get('/api/overview');
    const roadmap = json.roadmaps.find((r: Json) => r.id === 'dev-to-ai-engineer');
    expect(roadmap).toMatchObject({ paused: true, forecast: null, today: { plannedMinutes: 0 } });
    // No plan line beyond today: nothing is planned for it.
    expect(roadmap.burnup.plan.filter((p: Json) => p.date > '2026-11-20')).toEqual([]);
  });
});

describe('POST /api/import', () => {
  let s: ApiSandbox;
  beforeAll(() => {
    s = apiSandbox([]);
  });
  afterAll(() => s.cleanup());

  const roadmapCount = () => s.workspace.store.listRoadmaps().length;
  async function expectRefused(body: unknown, message: RegExp, status = 400): Promise<Json> {
    const before = roadmapCount();
    const response = await s.send('POST', '/api/import', body);
    expect(response.status, JSON.stringify(response.json)).toBe(status);
    expect(response.json.error.message).toMatch(message);
    expect(JSON.stringify(response.json)).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(roadmapCount(), 'nothing imported').toBe(before);
    return response.json.error;
  }

  it('lists the bundled roadmaps', async () => {
    const { status, json } = await s.get('/api/bundled-roadmaps');
    expect(status).toBe(200);
    expect(json.roadmaps.map((r: Json) => r.name)).toContain('ai-engineer');
  });

  it('imports a bundled roadmap and reports what it found', async () => {
    const { status, json } = await s.send('POST', '/api/import', { bundled: 'ai-engineer' });
    expect(status, JSON.stringify(json)).toBe(201);
    expect(json).toMatchObject({ id: 'ai-engineer', created: true });
    expect(json.counts.items).toBeGreaterThan(10);
    expect(json.verdict.text).toMatch(/\d/);
    expect(Array.isArray(json.warnings)).toBe(true);
    const roadmaps = (await s.get('/api/roadmaps')).json as Json[];
    expect(roadmaps.find((r) => r.id === 'ai-engineer')?.progress.total).toBe(json.counts.items);
  });

  it('imports a file by its full path, and again as a re-import of the same roadmap', async () => {
    const folder = join(s.dir, 'notes');
    mkdirSync(folder);
    const path = join(folder, 'rust-plan.md');
    writeFileSync(path, '# Rust plan\n\n## Basics\n\n- [ ] Ownership (2h)\n- [x] Cargo (1h)\n');
    const first = await s.send('POST', '/api/import', { path });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({ id: 'rust-plan', created: true, recordedTicks: 1 });
    const again = await s.send('POST', '/api/import', { path });
    expect(again.json).toMatchObject({ id: 'rust-plan', created: false, unchanged: true });
  });

  it("imports an uploaded file's text; uploading the same name again re-imports it, keeping progress", async () => {
    const text = '# Go plan\n\n## Start\n\n- [ ] Tour of Go (3h)\n- [ ] Modules (1h)\n';
    const first = await s.send('POST', '/api/import', { upload: { name: 'go-plan.md', text } });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({ id: 'go-plan', created: true, counts: { items: 2 } });
    const record = s.workspace.store.getRoadmap('go-plan');
    expect(record?.sourcePath).toBeUndefined();
    const done = await s.send('POST', '/api/status', { items: ['go-plan:Tour of Go'], status: 'done' });
    expect(done.status, JSON.stringify(done.json)).toBe(201);
    const edited = `${text}- [ ] Generics (2h)\n`;
    const again = await s.send('POST', '/api/import', { upload: { name: 'go-plan.md', text: edited } });
    expect(again.json).toMatchObject({
      id: 'go-plan',
      created: false,
      unchanged: false,
      counts: { items: 3 },
    });
    const summary = ((await s.get('/api/roadmaps')).json as Json[]).find((r) => r.id === 'go-plan');
    expect(summary.progress).toMatchObject({ done: 1, total: 3 });
  });

  it('refuses what is not a Markdown roadmap, saying what and how to fix it', async () => {
    const error = await expectRefused(
      { upload: { name: 'slides.pdf', text: 'hello' } },
      /upload\.name: "slides\.pdf" is not a Markdown file/i,
    );
    expect(error.hint).toMatch(/\.md/);
    await expectRefused({ upload: { name: 'binary.md', text: 'abc\u0000def' } }, /binary\.md:1: .*binary/i);
    await expectRefused({ path: join(s.dir, 'store.db') }, /path: ".*store\.db" is not a Markdown file/i);
  });

  it('refuses a path that is relative, missing or a folder', async () => {
    const relative = await expectRefused({ path: 'roadmaps/plan.md' }, /not a full path/i);
    expect(relative.hint).toMatch(/starting with \//);
    const missing = await expectRefused({ path: join(s.dir, 'gone.md') }, /gone\.md: no such file/);
    expect(missing.hint).toMatch(/upload the file instead/);
    expect(missing.hint).not.toMatch(/waymark/);
    mkdirSync(join(s.dir, 'folder.md'));
    await expectRefused({ path: join(s.dir, 'folder.md') }, /is a directory/);
  });

  it('refuses an unknown bundled name, an empty or too big upload, and a body naming no or two sources', async () => {
    const unknown = await expectRefused({ bundled: 'cooking' }, /no bundled roadmap "cooking"/i);
    expect(unknown.hint).toMatch(/ai-engineer/);
    await expectRefused({ upload: { name: 'empty.md', text: '' } }, /upload\.text: the file is empty/);
    // Over the 1 MB of other writes: this route's own limit lets it through to the field's clear message.
    const big = `# Big\n\n${'- [ ] An item\n'.repeat(420_000)}`;
    await expectRefused(
      { upload: { name: 'big.md', text: big } },
      /upload\.text: the file is 5\.\d MB; an upload takes up to 5 MB/,
    );
    await expectRefused({}, /exactly one of "bundled", "path" or "upload"/);
    await expectRefused({ bundled: 'ai-engineer', path: '/tmp/x.md' }, /exactly one of/);
  });
});
