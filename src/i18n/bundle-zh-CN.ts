import app from './locales/zh-CN/app.json';
import questionnaire from './locales/zh-CN/questionnaire.json';

export default { app, questionnaire };
