export { exportTables, exportFormats, type ExportFormat, type ExportOptions, type ExportedFile } from './export-tables.ts';
export { writeArrowFile } from './arrow-writer.ts';
export { conversationMetricsSql } from './conversation-metrics-sql.ts';
