import app from './locales/en/app.json';
import catalogue from './locales/en/catalogue.json';
import errors from './locales/en/errors.json';
import questionnaire from './locales/en/questionnaire.json';
import report from './locales/en/report.json';
import result from './locales/en/result.json';

export default { app, questionnaire, result, catalogue, errors, report };
