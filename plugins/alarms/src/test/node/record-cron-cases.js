// Records the cases in src/test/resources/dev/whiskstudio/plugin/alarms/cron-1.8.2-next-matches.tsv from the cron
// package the platform's alarms provider schedules with. Not part of the build. To record them again:
//   mkdir /tmp/rec && cd /tmp/rec && npm install cron@1.8.2 && cp <this file> . && node record-cron-cases.js > cases.tsv
const {CronTime} = require('cron');
const moment = require('moment-timezone');
let seed = 20240601;
function rnd(n) { seed |= 0; seed = seed + 0x6D2B79F5 | 0; let t = Math.imul(seed ^ seed >>> 15, 1 | seed); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return (((t ^ t >>> 14) >>> 0) % n); }
const ranges = [[0,59],[0,59],[0,23],[1,31],[0,11],[0,6]];
const monthNames = ['jan','feb','mar','apr','may','jun','jul','aug','sep','oct','nov','dec'];
const dayNames = ['sun','mon','tue','wed','thu','fri','sat'];
function val(i) { const [lo,hi]=ranges[i]; return lo + rnd(hi-lo+1); }
function name(i, v) { if (i===4 && rnd(3)===0) return rnd(2)? monthNames[v].toUpperCase(): monthNames[v]; if (i===5 && rnd(3)===0) return dayNames[v]; return String(v); }
function item(i) {
  const k = rnd(10);
  if (k===0) return '*';
  if (k===1) return '*/' + (1 + rnd(ranges[i][1] > 20 ? 20 : ranges[i][1]+1));
  if (k===2) { const a = val(i), b = val(i); const lo=Math.min(a,b), hi=Math.max(a,b); return name(i,lo)+'-'+name(i,hi); }
  if (k===3) { const a = val(i), b = val(i); const lo=Math.min(a,b), hi=Math.max(a,b); return lo+'-'+hi+'/'+(1+rnd(7)); }
  if (k===4) return val(i) + '/' + (1+rnd(15));
  return name(i, val(i));
}
function field(i) {
  if (rnd(3)===0) return '*';
  const n = 1 + (rnd(4)===0 ? rnd(3) : 0);
  const parts=[]; for (let j=0;j<n;j++) parts.push(item(i)); return parts.join(',');
}
const invalid = ['* * * *','* * * * * * *','1-*/2 * * * *','*/0 * * * *','60 * * * *','* 24 * * *','0 0 0 * *','0 0 32 * *','0 0 1 12 *','0 0 * * 7','0 0 * * 8','5-3 * * * *','a * * * *','january * * * *','* * * * blah','1,,2 * * * *','1- * * * *','-1 * * * *','* * * * 1-','**','***','','  ','0 0 12 * * 7','0 0 * * */0','0x5 * * * *','5.5 * * * *','1-60 * * * *'];
const zones = [undefined, 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Sao_Paulo', 'Pacific/Chatham', 'Europe/London'];
const froms = ['2021-03-13T12:00:00.000Z','2021-03-28T00:10:00.000Z','2021-10-31T00:00:00.000Z','2021-11-06T23:59:59.500Z','2018-11-03T12:00:00.000Z','2019-02-16T12:00:00.000Z','2021-04-03T14:00:00.000Z','2021-09-25T13:00:00.000Z','2023-12-31T23:59:59.999Z','2024-02-28T00:00:00.000Z','2022-06-15T08:30:15.250Z'];
const out = [];
function emit(p, zone, from) {
  let line = [JSON.stringify(p), zone || 'UTC', from];
  try {
    const ct = new CronTime(p, zone);
    let d = moment(from); const res=[];
    for (let i=0;i<5;i++){ d = ct._getNextDateFrom(zone ? moment(d.valueOf()).tz(zone) : moment(d.valueOf()), zone); res.push(d.toISOString()); }
    line.push(res.join(','));
  } catch (e) { if (/Something went wrong/.test(e.message)) return; line.push('ERR ' + e.message.replace(/\s+/g,' ')); }
  out.push(line.join('\t'));
}
for (const p of invalid) emit(p, undefined, froms[0]);
for (let c = 0; c < 600; c++) {
  const six = rnd(3)===0;
  const fields = []; for (let i = six?0:1; i<6; i++) fields.push(field(i));
  const p = fields.join(' ');
  emit(p, zones[rnd(zones.length)], froms[rnd(froms.length)]);
}
// hand-picked DST cases
for (const z of ['America/New_York','Europe/Berlin','Australia/Lord_Howe','America/Sao_Paulo','Pacific/Chatham'])
  for (const p of ['0 * * * *','30 * * * *','*/15 * * * *','30 1 * * *','30 2 * * *','0 0 * * *','15 0 * * *','0 30 2 * * *','0 0,30 * * * *'])
    for (const f of ['2021-03-13T12:00:00.000Z','2021-03-27T12:00:00.000Z','2021-10-30T12:00:00.000Z','2021-11-06T12:00:00.000Z','2021-04-03T12:00:00.000Z','2021-10-02T12:00:00.000Z','2018-11-03T12:00:00.000Z','2019-02-16T12:00:00.000Z'])
      emit(p, z, f);
process.stdout.write('# pattern(JSON)\tzone\tfrom\tnext five matches, or ERR and the cron package\'s message\n' + out.join('\n') + '\n');
