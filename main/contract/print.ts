export const printContract = {}
