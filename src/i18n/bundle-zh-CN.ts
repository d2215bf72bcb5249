import app from './locales/zh-CN/app.json';
import errors from './locales/zh-CN/errors.json';
import questionnaire from './locales/zh-CN/questionnaire.json';
import result from './locales/zh-CN/result.json';

export default { app, questionnaire, result, errors };
