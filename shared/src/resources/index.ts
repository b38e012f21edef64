export * from './resources';
export * from './lineage';
export * from './attachments';
export * from './markdown';
export * from './markdown-parser';
export * from './search';
