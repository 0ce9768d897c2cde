export const layout = {
  'layout.filters': 'Filters',
  'layout.filters.count': 'Filters ({count} on)',
} as const
