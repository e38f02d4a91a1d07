/**
 * Is the unit in the registry (in any of its versions)? Given by the composition (the reference data), asked before a
 * grant, so that a misspelt unit is refused. A unit merged away still takes grants: its dossiers are still entered
 * and corrected after the merger (back-office entry), and its figures still read.
 */
export type UnitCheck = (unitId: string) => Promise<boolean>;
