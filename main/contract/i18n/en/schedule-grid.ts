export const scheduleGrid = {
  'scheduleGrid.label': '{title}: who prays when',
  'scheduleGrid.autoLegend': 'A dashed name was filled in automatically by Hearth.',
  'scheduleGrid.sampleName': 'Name',
  'scheduleGrid.chip': '{name}, {day} {time} ({notes}): actions',
  'scheduleGrid.slotMenu': 'More for {day} {time}',
  'scheduleGrid.week': 'Week',
  'scheduleGrid.weekOf': 'Week of {day}',
} as const
