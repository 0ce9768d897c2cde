/** The home, where Hearth opens (Ctrl+H). */
export const home = { id: 'home', title: 'This week', nav: 'This week' } as const

/** The sections in navigation order, as a person sees them (Ctrl+1 … Ctrl+7). */
export const sections = [
  { id: 'members', title: 'Members' },
  { id: 'meal-trains', title: 'Care calendars' },
  { id: 'prayer-circles', title: 'Prayer circles' },
  { id: 'print', title: 'Print' },
  { id: 'backup', title: 'Backup' },
  { id: 'settings', title: 'Settings' },
  { id: 'call-list', title: 'Call list' },
  { id: 'history', title: 'History' },
] as const
