export { exportTables, exportFormats, type ExportFormat, type ExportOptions, type ExportedFile } from './export-tables.ts';
export { writeArrowFile } from './arrow-writer.ts';
