/** Something about the run itself (a skipped file, an unreadable config), not a finding about the project. */
export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  filePath?: string;
}
