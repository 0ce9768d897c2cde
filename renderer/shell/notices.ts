import { type NotificationData, notifications } from '@mantine/notifications'

// Repeats collapse: a plain message already on screen ("Saved" four times over) is shown once. The store ignores
// a notification whose id is showing, so each plain message gets its text as its id. Every screen's
// notifications.show goes through this, without each one having to remember.
const show = notifications.show
Object.assign(notifications, {
  show: (n: NotificationData) => show(typeof n.message === 'string' && n.id === undefined ? { ...n, id: `message:${n.color ?? ''}:${n.message}` } : n),
})
