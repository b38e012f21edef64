import type { ResourceKind, Role } from '@commons/shared';
import { readDemoJson, readDemoMarkdown } from './demo-data';

/** Who wrote a demo resource: a role, and a site index (null: someone without a site). */
export interface DemoAuthor {
  role: Role;
  site: number | null;
}

/** A resource of the demo commons. `key` names it for adaptations, seeding and the relevance tests. */
export interface DemoResource {
  key: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  audiences: Role[];
  by: DemoAuthor;
  site: number | null;
  /** How long ago it was posted, in days. */
  daysAgo: number;
  license?: string;
  /** The key of the resource it was adapted from. */
  adaptedFrom?: string;
  /** Sites that said "we used this", with their note. */
  uses?: { site: number; note: string }[];
  /** How many members marked it helpful. */
  helpful?: number;
  /** Later edits, each a new version: what changed in the body, and the note. */
  edits?: { append: string; note: string; daysAgo: number }[];
}

/**
 * The demo commons of the NorthStar network: tools, templates, guides, stories, change packages
 * and dataset descriptions, in the voices of young people, parents, clinicians and QI teams.
 * Each resource is described in data/resources.json; its body is data/resources/<key>.md.
 */
export const DEMO_RESOURCES: DemoResource[] = readDemoJson<Omit<DemoResource, 'body'>[]>('resources.json').map(
  (resource) => ({
    ...resource,
    body: readDemoMarkdown(`resources/${resource.key}.md`),
  }),
);
