// The words inside a calendar file (.ics): its name, and each event's title and description.
export const calendarFile = {
  'calendar.file.person': '{name}’s commitments',
  'calendar.file.schedule': '{title} ({circle})',
  'calendar.file.slot.taken': '{what}: {volunteer}',
  'calendar.file.slot.open': '{what}: still open',
  'calendar.file.bringing': 'Bringing: {dish}',
  'calendar.file.note': 'Note: {note}',
  'calendar.file.prayer.names': '{title}: {names}',
  'calendar.file.prayer.open': '{what} ({count, plural, one {# place open} other {# places open}})',
  'calendar.file.save.title': 'Save the calendar file',
  'calendar.file.save.filter': 'Calendar file',
} as const
