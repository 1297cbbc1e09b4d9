/** Something the importer noticed but worked around; printed on stderr as `FILE:LINE: warning: ...`. */
export interface ImportWarning {
  /** 1-based line of the file the warning is about, when there is one. */
  line?: number;
  message: string;
}
