/** Registers every element under its default tag. */
import './elements/signup-button/define.js';
