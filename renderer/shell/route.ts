// Where the volunteer is, kept in the address's hash ("#/meal-trains/train/4"), so the home can send them
// straight to the train, schedule or circle that needs them and the section opens there.

/** The section id and what follows it in the hash: ['meal-trains', 'train', '4']. */
export function currentRoute(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean)
}

/** What follows the section in the hash, read once by a screen when it opens. */
export function routeParams(): string[] {
  return currentRoute().slice(1)
}

/**
 * Opens a section (at its start, or at the place named after it). Going to the hash already shown opens it again,
 * since the screen may have moved on inside without changing the hash.
 */
export function go(section: string, ...rest: (string | number)[]): void {
  const target = `#/${[section, ...rest].join('/')}`
  if (window.location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'))
  else window.location.hash = target
}
