export const layout = {
  'layout.filters': 'Filters',
  'layout.filters.count': 'Filters ({count} on)',
  'layout.labelled': '{label}: {value}',
} as const
