/** Entry point: defines the elements; index.html holds <cr-app>. */
import './components/app/cr-app.ts';
