/** Test hook: a file in the data dir whose text is the path the harness's next "open dialog" returns. */
export const HARNESS_OPEN_PATH_FILE = 'harness-open-dialog.txt';
