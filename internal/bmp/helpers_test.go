package bmp

import "image/color"

func gray(v uint8) color.RGBA { return color.RGBA{v, v, v, 0xff} }
