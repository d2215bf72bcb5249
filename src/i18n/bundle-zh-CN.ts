import app from './locales/zh-CN/app.json';
import catalogue from './locales/zh-CN/catalogue.json';
import errors from './locales/zh-CN/errors.json';
import questionnaire from './locales/zh-CN/questionnaire.json';
import report from './locales/zh-CN/report.json';
import result from './locales/zh-CN/result.json';

export default { app, questionnaire, result, catalogue, errors, report };
