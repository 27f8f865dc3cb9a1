# completion/jamvikt.bash — bash completion for jamvikt(1): subcommands,
# their options, option values (formats, languages, folders, files) and the
# names of the loadable plugins. Installed as
# $(datadir)/bash-completion/completions/jamvikt, where bash-completion
# finds it the first time `jamvikt` is completed; works without
# bash-completion too (source it from ~/.bashrc).
#
# Contract: the option lists below name every option of `jamvikt COMMAND
# --help` (tests/sdk/test_sdk.sh checks it). Plugin names come from the
# jamvikt being completed (`jamvikt plugins`, first word of each unindented
# line), with any --plugin-path already typed on the line.

_jamvikt_commands="run check plugins merge report init"
_jamvikt_formats="json table markdown csv html xlsx"

_jamvikt_options() {
    case $1 in
    run) echo "-o --output -f --format --min-cell -j --jobs --plugin-path --save-state
               --keep-going --hash-inputs -q --quiet --lang --csv-dialect --publish -h --help" ;;
    check) echo "--json --plugin-path --lang -h --help" ;;
    plugins) echo "--json --check --plugin-path --lang -h --help" ;;
    merge) echo "-o --output -f --format --plugin-path --keep-going -q --quiet --lang --csv-dialect
                 --min-cell --publish -h --help" ;;
    report) echo "-o --output -f --format --lang --csv-dialect --publish -h --help" ;;
    init) echo "-o --output --force --plugin-path --lang -h --help" ;;
    *) echo "-h --help -V --version" ;;
    esac
}

# The plugins `jamvikt` would load, honouring --plugin-path on the line.
_jamvikt_plugin_names() {
    local program=$1 i
    shift
    local -a path=()
    for ((i = 1; i < $#; i++)); do
        if [[ ${!i} == --plugin-path ]]; then
            local next=$((i + 1))
            path+=(--plugin-path "${!next}")
        fi
    done
    "$program" plugins "${path[@]}" 2>/dev/null | sed -n 's/^\([a-z][a-z0-9_]*\) .*/\1/p'
}

# Files (optionally only *.EXT) or folders, with or without bash-completion.
_jamvikt_files() {
    local cur=$1 what=$2
    if declare -F _filedir >/dev/null; then
        if [[ $what == -d ]]; then _filedir -d; else _filedir "$what"; fi
        return
    fi
    local IFS=$'\n' f
    for f in $(compgen -f -- "$cur"); do
        if [[ -d $f ]] || [[ -z $what ]] || [[ $what != -d && $f =~ \.($what)$ ]]; then
            COMPREPLY+=("$f")
        fi
    done
}

_jamvikt() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local program=${COMP_WORDS[0]} command="" i
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        run | check | plugins | merge | report | init) command=${COMP_WORDS[i]}; break ;;
        esac
    done

    case $prev in
    -f | --format) COMPREPLY=($(compgen -W "$_jamvikt_formats" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "sv en" -- "$cur")); return ;;
    --csv-dialect) COMPREPLY=($(compgen -W "excel plain" -- "$cur")); return ;;
    --plugin-path | --save-state) _jamvikt_files "$cur" -d; return ;;
    -o | --output) _jamvikt_files "$cur" ""; return ;;
    --check) _jamvikt_files "$cur" "so|la"; return ;;
    --min-cell | -j | --jobs) return ;;
    esac

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$(_jamvikt_options "")" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$_jamvikt_commands" -- "$cur"))
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_jamvikt_options "$command")" -- "$cur"))
        return
    fi
    case $command in
    run | check | report) _jamvikt_files "$cur" json ;;
    merge) _jamvikt_files "$cur" "" ;;
    init) _jamvikt_files "$cur" -d ;;
    plugins)
        # Plugin names, once `jamvikt plugins` takes one (its --help shows NAME).
        if "$program" plugins --help 2>/dev/null | head -n 3 | grep -q NAME; then
            COMPREPLY=($(compgen -W "$(_jamvikt_plugin_names "$program" "${COMP_WORDS[@]:1}")" -- "$cur"))
        fi
        ;;
    esac
}

complete -F _jamvikt jamvikt
