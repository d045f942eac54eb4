/** Another case this one is linked to, and how (kept on the case row, `cases.links`). */
export interface CaseLink {
  id: string;
  caseNumber: string;
  flowId: string;
  /**
   * `continuesFrom`: this case takes up the other's agreement or dispute; `opened`: this case
   * opened the other; `openedBy`: the reverse; `continuedBy`.
   */
  relation: 'continuesFrom' | 'continuedBy' | 'opened' | 'openedBy';
}
