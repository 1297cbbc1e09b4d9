import autocannon from '/work/main/node_modules/autocannon/autocannon.js';
const port = process.argv[2];
for (const path of ['/api/roadmaps', '/api/activity?days=7', '/api/roadmaps/ai-engineer/tree', '/api/activity?days=7']) {
  const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: 3 });
  console.log(path, Math.round(r.requests.average), 'req/s', r.non2xx, 'non2xx', Math.round(r.throughput.average / r.requests.average / 1024), 'KB');
}
