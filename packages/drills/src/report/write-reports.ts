import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { junitReport } from './junit.js';
import { markdownReport } from './markdown.js';
import type { DrillResult } from './result.js';
import { svgTimeline } from './svg-timeline.js';

export interface ReportFiles {
  readonly markdown: string;
  readonly junit: string;
  readonly svg: string;
}

/** Writes report.md, junit.xml and timeline.svg for a drill result into `dir`. */
export async function writeReports(result: DrillResult, dir: string): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const files = {
    markdown: join(dir, 'report.md'),
    junit: join(dir, 'junit.xml'),
    svg: join(dir, 'timeline.svg'),
  };
  await Promise.all([
    writeFile(files.markdown, markdownReport(result)),
    writeFile(files.junit, junitReport(result)),
    writeFile(files.svg, svgTimeline(result)),
  ]);
  return files;
}
