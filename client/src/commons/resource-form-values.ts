import { DEFAULT_RESOURCE_LICENSE, type ResourceKind, type Role } from '@commons/shared';

/** What the resource form holds. `siteId` is '' for "no particular site". */
export interface ResourceFormValues {
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  audiences: Role[];
  siteId: string;
  license: string;
  changeNote: string;
}

/** The content of a saved resource, as the form starts from it. */
export interface ResourceContent {
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  tags: readonly string[];
  audiences: readonly Role[];
  license: string;
  site: { id: string } | null;
}

/** An empty form: the member's own site, CC BY 4.0. */
export function emptyFormValues(siteId: string | null): ResourceFormValues {
  return {
    kind: 'TOOL',
    title: '',
    summary: '',
    body: '',
    tags: [],
    audiences: [],
    siteId: siteId ?? '',
    license: DEFAULT_RESOURCE_LICENSE,
    changeNote: '',
  };
}

/** The form filled from a resource; `siteId` overrides its site (an adaptation is for the member's own). */
export function formValuesOf(resource: ResourceContent, siteId?: string | null): ResourceFormValues {
  return {
    kind: resource.kind,
    title: resource.title,
    summary: resource.summary,
    body: resource.body,
    tags: [...resource.tags],
    audiences: [...resource.audiences],
    siteId: siteId === undefined ? (resource.site?.id ?? '') : (siteId ?? ''),
    license: resource.license,
    changeNote: '',
  };
}

/** The API input of the form's values (no site is null). */
export function toResourceInput(values: ResourceFormValues) {
  return {
    kind: values.kind,
    title: values.title,
    summary: values.summary,
    body: values.body,
    tags: values.tags,
    audiences: values.audiences,
    siteId: values.siteId || null,
    license: values.license,
  };
}

const sorted = (list: readonly string[]) => [...list].sort();

/**
 * Whether the form changes more than an adaptation takes on its own (its title and site): then
 * the adaptation gets a second version with the rest of the changes.
 */
export function changesBeyondAdaptation(values: ResourceFormValues, source: ResourceContent): boolean {
  return (
    values.kind !== source.kind ||
    values.summary.trim() !== source.summary.trim() ||
    values.body.replace(/\r\n?/g, '\n').trimEnd() !== source.body.trimEnd() ||
    values.license !== source.license ||
    JSON.stringify(sorted(values.tags)) !== JSON.stringify(sorted(source.tags)) ||
    JSON.stringify(sorted(values.audiences)) !== JSON.stringify(sorted(source.audiences))
  );
}
