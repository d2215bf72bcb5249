import app from './locales/en/app.json';
import errors from './locales/en/errors.json';
import questionnaire from './locales/en/questionnaire.json';
import result from './locales/en/result.json';

export default { app, questionnaire, result, errors };
