import { CallFilters } from '../../schemas/call-filters.ts';
import { BinaryBody, withErrors } from '../../schemas/common.ts';

export const exportFormats = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  arrow: { contentType: 'application/vnd.apache.arrow.file', extension: 'arrow' },
} as const;

export const exportCallsSchema = (format: keyof typeof exportFormats) => ({
  summary: `Every call matching the list's filters, as ${format === 'csv' ? 'CSV' : 'an Arrow IPC file'}`,
  tags: ['exports'],
  querystring: CallFilters,
  produces: [exportFormats[format].contentType],
  response: withErrors({ 200: BinaryBody(`The ${format} file.`) }),
});
