import { render } from 'preact';
render(<p>مرصد</p>, document.getElementById('app'));
