import app from './locales/en/app.json';
import questionnaire from './locales/en/questionnaire.json';

export default { app, questionnaire };
