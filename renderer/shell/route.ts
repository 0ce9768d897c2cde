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

export function go(section: string, ...rest: (string | number)[]): void {
  window.location.hash = `#/${[section, ...rest].join('/')}`
}
