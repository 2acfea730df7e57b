import { composeServices, type Composition, type HostDeps } from '../compose';
import { checkDataDir, classifyStartupError, type StartupProblem } from './startupProblems';
import { STARTUP_TEXTS, startupText, type StartupLocale } from './startupTexts';

/** The host's way to show a start-up problem (Electron: a message box); returns the button index. */
export type ShowStartupProblem = (dialog: {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
}) => Promise<number>;

/**
 * Composes the services, or explains why it cannot: the data folder is checked first, and a
 * failure is shown (path, cause, next step, in the user's language) instead of a silent exit.
 * A history from a newer Fleece can be opened read-only. Null means "quit".
 */
export async function startServices(
  deps: HostDeps,
  locale: StartupLocale,
  show: ShowStartupProblem,
): Promise<Composition | null> {
  const texts = STARTUP_TEXTS[locale];
  const explain = async (problem: StartupProblem, canBrowse: boolean): Promise<number> => {
    deps.log.error(`start-up problem ${problem.code} at ${problem.path}: ${problem.cause}`);
    const text = startupText(problem.code, locale, problem.path);
    return show({
      title: text.title,
      message: text.title,
      detail: `${text.body}\n\n${texts.details}: ${problem.cause}`,
      buttons: canBrowse ? [texts.quit, texts.openReadOnly] : [texts.quit],
    });
  };

  const folderProblem = checkDataDir(deps.dataDir);
  if (folderProblem) {
    await explain(folderProblem, false);
    return null;
  }
  try {
    return await composeServices(deps);
  } catch (error) {
    const problem = classifyStartupError(error, deps.dataDir);
    const canBrowse = problem.code === 'history_too_new';
    const choice = await explain(problem, canBrowse);
    if (!canBrowse || choice !== 1) return null;
    try {
      return await composeServices({ ...deps, historyReadOnly: true });
    } catch (again) {
      await explain(classifyStartupError(again, deps.dataDir), false);
      return null;
    }
  }
}
