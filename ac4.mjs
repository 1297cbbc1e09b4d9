import autocannon from '/work/main/node_modules/autocannon/autocannon.js';
const r = await autocannon({ url: `http://127.0.0.1:4793/api/roadmaps/ai-engineer/tree`, headers: {'accept-encoding':'gzip'}, connections: 10, duration: 4 });
console.log(Math.round(r.requests.average));
