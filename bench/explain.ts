import { sql } from 'drizzle-orm';
import { listQuery } from '@/app/_transport/admin/query';
import { openDatabase, rowsOf } from '@/db/client';
import { customerPageQuery, planCustomerPage, walkQuery } from '@/db/queries/admin-customers';
import type { ListPlan } from './report';

const round = (n: number) => Math.round(n * 100) / 100;

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * What the database does for one admin list page: the plan `selectCustomerPage` picks for it (the
 * same parsing as the route), the scans EXPLAIN shows, and the time in the database — planning and
 * execution from EXPLAIN ANALYZE, summed over the statements the page runs — p50/p95 of 20.
 */
export async function explainListPage(databaseUrl: string, url: string): Promise<ListPlan> {
  const handle = openDatabase({ url: databaseUrl });
  try {
    const { page } = listQuery(new Request(url));
    const db = handle.db;
    const plan = await planCustomerPage(db, page);
    const steps = plan === 'walk' ? [walkQuery(db, page)] : [customerPageQuery(db, page, { filterFirst: plan === 'filterFirst' })];
    let label: string = plan;
    if (plan === 'walk' && (await walkQuery(db, page)).length <= page.limit) {
      steps.push(customerPageQuery(db, page, { filterFirst: true }));
      label = 'walk, then filterFirst';
    }
    const times: number[] = [];
    const scans = new Set<string>();
    let seqScans = 0;
    for (let i = 0; i < 20; i++) {
      let ms = 0;
      for (const step of steps) {
        // The exact statement and parameters, through the app's own driver settings.
        const query = step.toSQL();
        const parts = query.sql.split(/\$(\d+)/);
        const statement = sql.join(parts.map((part, n) => (n % 2 === 0 ? sql.raw(part) : sql.param(query.params[Number(part) - 1]))));
        const [row] = rowsOf<{ 'QUERY PLAN': unknown }>(await db.execute(sql`explain (analyze, timing off, format json) ${statement}`));
        const json = row!['QUERY PLAN'];
        const [explained] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }];
        ms += explained['Planning Time'] + explained['Execution Time'];
        for (const node of nodesOf(explained.Plan)) {
          if (node['Node Type'] === 'Seq Scan') seqScans++;
          if (node['Index Name']) scans.add(`${node['Node Type']} ${node['Index Name']}`);
        }
      }
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    return { plan: label, scans: [...scans], seqScans, p50: round(times[10]!), p95: round(times[18]!) };
  } finally {
    await handle.close();
  }
}

