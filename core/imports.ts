/** What an xlsx import answers (server and web share these shapes). */

export interface ImportIssue {
  /** Row number as Excel shows it (header = 1); 1 for problems with the header itself. */
  row: number;
  /** Column header text ('' when the problem is not about one column). */
  column: string;
  /** Cell reference such as "B7", when known. */
  cell: string | null;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  importId: string;
  dryRun: boolean;
  /** True when the rows were written (no errors and not a dry run). */
  written: boolean;
  total: number;
  /** Written, or — on a clean dry run — that would be written. */
  created: number;
  updated: number;
  errorCount: number;
  errors: ImportIssue[];
  errorsTruncated: boolean;
  warnings: ImportIssue[];
  ignoredColumns: string[];
  fileSha256: string;
}
